package io.laxin.invite.referral.infra;

import io.laxin.invite.InviteProperties;
import io.laxin.invite.referral.application.RescreeningHeldReferrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the re-screening of held referrals every {@code laxin.invite.rescreen-interval} (default 15 s). */
@Component
class RescreeningSchedule {

    private static final Logger log = LoggerFactory.getLogger(RescreeningSchedule.class);

    private final RescreeningHeldReferrals rescreening;

    RescreeningSchedule(RescreeningHeldReferrals rescreening) {
        this.rescreening = rescreening;
    }

    @Scheduled(
            fixedDelayString = InviteProperties.RESCREEN_INTERVAL_PLACEHOLDER,
            initialDelayString = InviteProperties.RESCREEN_INTERVAL_PLACEHOLDER)
    void run() {
        try {
            rescreening.runOnce();
        } catch (RuntimeException e) {
            // the store may be away for a moment; the next run tries again
            log.warn("Re-screening held referrals failed: {}", e.toString());
        }
    }
}
