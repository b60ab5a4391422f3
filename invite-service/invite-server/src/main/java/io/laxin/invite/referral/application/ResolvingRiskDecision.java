package io.laxin.invite.referral.application;

import io.laxin.invite.referral.domain.Referral;
import io.laxin.invite.referral.domain.ReferralEvents;
import io.laxin.invite.referral.domain.ReferralOutcomes;
import io.laxin.invite.referral.domain.ReferralStatus;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.kernel.messaging.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a risk decision moves a referral on. PENDING_REVIEW becomes ATTRIBUTED (PASS — its event then issues the
 * rewards) or REJECTED; a later REJECT of an ATTRIBUTED referral rejects it too (reward-service revokes on the same
 * risk event). Each change publishes its event in the same transaction; after the commit the leaderboard counts the
 * referral (ATTRIBUTED) or, for an ATTRIBUTED one rejected, takes it off its referrer's count. Idempotent on the event id; anything else
 * (already decided the same way, unknown referral) changes nothing.
 */
@Service
public class ResolvingRiskDecision {

    private static final Logger log = LoggerFactory.getLogger(ResolvingRiskDecision.class);

    private final ProcessedEvents processed;
    private final Referrals referrals;
    private final ReferralEvents events;
    private final ReferralOutcomes outcomes;
    private final Clock clock;

    public ResolvingRiskDecision(
            ProcessedEvents processed,
            Referrals referrals,
            ReferralEvents events,
            ReferralOutcomes outcomes,
            Clock clock) {
        this.processed = processed;
        this.referrals = referrals;
        this.events = events;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Returns the referral's new status, or empty when nothing changed. */
    @Transactional
    public Optional<ReferralStatus> handle(ResolveRiskDecisionCommand c) {
        if (!processed.firstDelivery(c.consumer(), c.eventId())) {
            return Optional.empty();
        }
        Optional<Referral> found = referrals.findByInvitee(c.campaignId(), c.inviteeUserId());
        if (found.isEmpty()) {
            log.warn(
                    "Risk decision {} names no referral (campaign {}, invitee {})",
                    c.eventId(),
                    c.campaignId(),
                    c.inviteeUserId());
            return Optional.empty();
        }
        Referral r = found.get();
        ReferralStatus to = c.pass() ? ReferralStatus.ATTRIBUTED : ReferralStatus.REJECTED;
        boolean moves = r.status() == ReferralStatus.PENDING_REVIEW
                || (r.status() == ReferralStatus.ATTRIBUTED && to == ReferralStatus.REJECTED);
        if (!moves) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(c.reasons());
        reasons.add("RISK_DECISION: " + (c.pass() ? "passed" : "rejected") + " by " + c.decidedBy());
        Instant now = decidedAt(c, r);
        if (!referrals.transition(r.id(), r.status(), to, reasons, now)) {
            throw new IllegalStateException("Referral " + r.id() + " changed while its risk decision was applied");
        }
        Referral moved = new Referral(
                r.id(),
                r.campaignId(),
                r.referrerUserId(),
                r.inviteeUserId(),
                r.inviteCode(),
                r.channel(),
                to,
                reasons,
                r.screeningId(),
                r.policyVersion(),
                r.inviteeDeviceId(),
                r.ip(),
                r.registeredAt(),
                now);
        events.published(moved);
        if (to == ReferralStatus.ATTRIBUTED) {
            AfterCommit.run(() -> outcomes.attributed(moved.campaignId(), moved.id(), moved.referrerUserId(), now));
        } else if (r.status() == ReferralStatus.ATTRIBUTED) {
            AfterCommit.run(() -> outcomes.rejected(moved.campaignId(), moved.id(), moved.referrerUserId()));
        }
        return Optional.of(to);
    }

    /**
     * When the referral was decided: the decision's own time — so an order paid after a reviewer approved counts from
     * the approval whatever the broker's delay — kept between the registration and now (clocks of two services).
     */
    private Instant decidedAt(ResolveRiskDecisionCommand c, Referral r) {
        Instant now = clock.instant();
        Instant decided = c.decidedAt() == null || c.decidedAt().isAfter(now) ? now : c.decidedAt();
        return decided.isBefore(r.registeredAt()) ? r.registeredAt() : decided;
    }
}
