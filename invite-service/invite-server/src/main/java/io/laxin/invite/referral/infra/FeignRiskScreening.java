package io.laxin.invite.referral.infra;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.ScreeningDecisionDTO;
import io.laxin.antifraud.api.dto.ScreeningRequestDTO;
import io.laxin.invite.identity.domain.IdentifierKind;
import io.laxin.invite.referral.domain.RiskScreening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Screening through antifraud-service. When the call fails or times out the answer is REVIEW (hold for an
 * operator), never PASS: a slow fraud check must not become free money.
 */
@Component
class FeignRiskScreening implements RiskScreening {

    private static final Logger log = LoggerFactory.getLogger(FeignRiskScreening.class);

    private final AntifraudClient client;

    FeignRiskScreening(AntifraudClient client) {
        this.client = client;
    }

    @Override
    public Result screen(Request r) {
        ScreeningDecisionDTO decision;
        try {
            decision = client.screen(new ScreeningRequestDTO(r.campaignId(), r.referrerUserId(), r.inviteeUserId(),
                    r.referrer().get(IdentifierKind.DEVICE), r.invitee().get(IdentifierKind.DEVICE),
                    r.referrer().get(IdentifierKind.PHONE), r.invitee().get(IdentifierKind.PHONE), r.ip(),
                    r.userAgent(), r.touchedAt(), r.registeredAt(), r.referrer().get(IdentifierKind.OPENID),
                    r.referrer().get(IdentifierKind.UNIONID), r.invitee().get(IdentifierKind.OPENID),
                    r.invitee().get(IdentifierKind.UNIONID), r.inviteePhonePrefix(), null, null, null));
        } catch (RuntimeException e) {
            log.warn("Screening unavailable, holding {} → {} for review: {}", r.referrerUserId(), r.inviteeUserId(),
                    e.toString());
            decision = ScreeningDecisionDTO.unavailable("antifraud-service did not answer: " + e.getClass()
                    .getSimpleName());
        }
        return new Result(Verdict.valueOf(decision.verdict().name()), decision.screeningId(),
                decision.reasons().stream().map(FeignRiskScreening::describe).toList());
    }

    private static String describe(ReasonDTO reason) {
        return reason.ruleId() + ": " + reason.detail();
    }
}
