package io.laxin.invite.referral.application;

import io.laxin.invite.referral.domain.HeldScreenings;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.invite.referral.domain.RiskScreening;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: screen again the referrals held PENDING_REVIEW because screening did not answer, until it does — so no
 * registration waits for a review case that was never opened. Each try is claimed first (a lease: another replica,
 * or this one after a crash, takes it again only when the lease ends), then screened with no transaction open, then,
 * in one transaction: the screening is recorded on the referral and the debt cleared; a PASS attributes it and a
 * REJECT rejects it, through the same use case as an operator's decision (events, leaderboard); a REVIEW leaves it
 * held — antifraud-service has now opened its review case. Still unavailable: tried again later, backing off to
 * {@value #MAX_BACKOFF_MINUTES} minutes, never given up.
 */
@Service
public class RescreeningHeldReferrals {

    private static final Logger log = LoggerFactory.getLogger(RescreeningHeldReferrals.class);
    static final String CONSUMER = "invite-service-rescreening";
    static final long MAX_BACKOFF_MINUTES = 10;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final HeldScreenings held;
    private final RiskScreening screening;
    private final Referrals referrals;
    private final ResolvingRiskDecision resolving;
    private final TransactionTemplate tx;
    private final Clock clock;

    public RescreeningHeldReferrals(
            HeldScreenings held,
            RiskScreening screening,
            Referrals referrals,
            ResolvingRiskDecision resolving,
            TransactionTemplate tx,
            Clock clock) {
        this.held = held;
        this.screening = screening;
        this.referrals = referrals;
        this.resolving = resolving;
        this.tx = tx;
        this.clock = clock;
    }

    /** One pass over what is due; returns how many were answered. */
    public int runOnce() {
        int answered = 0;
        for (HeldScreenings.Held h : held.due(clock.instant(), BATCH)) {
            if (!held.claim(h.referralId(), h.nextAttemptAt(), clock.instant().plus(LEASE))) {
                continue;
            }
            RiskScreening.Result risk = screening.screen(h.request());
            if (!risk.screened()) {
                Instant next = clock.instant().plus(backoff(h.attempts() + 1));
                held.later(h.referralId(), next, String.join("; ", risk.reasons()));
                log.info(
                        "Referral {} still unscreened after {} tries ({}); next try at {}",
                        h.referralId(),
                        h.attempts() + 1,
                        String.join("; ", risk.reasons()),
                        next);
                continue;
            }
            tx.executeWithoutResult(s -> apply(h, risk));
            answered++;
        }
        return answered;
    }

    private void apply(HeldScreenings.Held h, RiskScreening.Result risk) {
        held.answered(h.referralId());
        referrals.recordScreening(h.referralId(), risk.screeningId(), risk.reasons());
        if (risk.verdict() != RiskScreening.Verdict.REVIEW) {
            resolving.handle(new ResolveRiskDecisionCommand(
                    CONSUMER,
                    "rescreen:" + risk.screeningId(),
                    h.request().campaignId(),
                    h.request().inviteeUserId(),
                    risk.verdict() == RiskScreening.Verdict.PASS,
                    risk.reasons(),
                    "screening",
                    clock.instant()));
        }
        log.info("Referral {} screened after {} tries: {}", h.referralId(), h.attempts() + 1, risk.verdict());
    }

    /** 30 s, 1 min, 2 min, … up to the maximum. */
    static Duration backoff(int attempts) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(Math.max(attempts - 1, 0), 10);
        return Duration.ofSeconds(
                Math.min(seconds, Duration.ofMinutes(MAX_BACKOFF_MINUTES).toSeconds()));
    }
}
