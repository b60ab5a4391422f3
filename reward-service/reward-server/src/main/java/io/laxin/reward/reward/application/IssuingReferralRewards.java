package io.laxin.reward.reward.application;

import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.AttributionRecorded;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardPolicy;
import io.laxin.reward.reward.domain.RewardStatus;
import io.laxin.reward.reward.domain.Rewards;
import io.laxin.reward.reward.domain.RiskBlocks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: issue the rewards of an attribution, once, under its policy version as invite-service holds it (ADR 0006:
 * the event carries facts, not amounts). First, outside any transaction, the policy version ({@link CampaignPolicies}:
 * kept, or read from invite-service — when that fails nothing is written and the failure propagates, so the broker
 * redelivers; a wrong amount is never paid). Then, in one transaction: the processed-event row, the invitee's guard
 * ({@link Attributions#guardInvitee}), the attribution, the
 * referrer's count (row-locked, for milestones and caps), the budget charge, the rewards and their postings. The
 * rewards' unique business keys are the second guard. Any failure propagates so the broker redelivers.
 */
@Service
public class IssuingReferralRewards {

    private final ProcessedEvents processed;
    private final Attributions attributions;
    private final Rewards rewards;
    private final RiskBlocks blocks;
    private final RewardBook book;
    private final CampaignPolicies policies;
    private final ApplicationEventPublisher published;
    private final ConflictRetry retry;
    private final TransactionTemplate tx;
    private final Clock clock;

    public IssuingReferralRewards(
            ProcessedEvents processed,
            Attributions attributions,
            Rewards rewards,
            RiskBlocks blocks,
            RewardBook book,
            CampaignPolicies policies,
            ApplicationEventPublisher published,
            ConflictRetry retry,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.processed = processed;
        this.attributions = attributions;
        this.rewards = rewards;
        this.blocks = blocks;
        this.book = book;
        this.policies = policies;
        this.published = published;
        this.retry = retry;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** What one delivery did: rewards granted and refused (0 and 0 for a redelivery). */
    public record Outcome(int granted, int refused) {}

    public Outcome handle(IssueReferralRewardsCommand c) {
        // before the transaction: the first read of a version is a remote call, which must not hold locks
        RewardPolicy policy = policies.of(c.campaignId(), c.policyVersion());
        Attribution a = new Attribution(
                c.referralId(),
                c.campaignId(),
                c.referrerUserId(),
                c.inviteeUserId(),
                c.policyVersion(),
                policy,
                c.attributedAt(),
                false);
        // one transaction, run again when it loses a race (a deadlock, a reward changed under it)
        return retry.run(() -> tx.execute(status -> issue(c.consumer(), c.eventId(), a)));
    }

    private Outcome issue(String consumer, String eventId, Attribution a) {
        if (!processed.firstDelivery(consumer, eventId)) {
            return new Outcome(0, 0);
        }
        // before the attribution row: an order of the invitee recorded meanwhile is then seen below, or sees this
        attributions.guardInvitee(a.inviteeUserId());
        if (!attributions.add(a)) {
            return new Outcome(0, 0);
        }
        Instant now = clock.instant();
        List<Reward> drafts;
        boolean blocked = blocks.isBlocked(a.campaignId(), a.inviteeUserId());
        if (blocked) {
            attributions.markRevoked(a.referralId(), ReferralRewardPlan.FRAUD_REJECTED);
            drafts = ReferralRewardPlan.refusedAsFraud(a, eventId, now);
        } else {
            // the tally row serialises this referrer's deliveries; milestones count the invitees that stand
            attributions.countNextForReferrer(a.campaignId(), a.referrerUserId());
            int nth = attributions.countStandingOfReferrer(a.campaignId(), a.referrerUserId());
            drafts = ReferralRewardPlan.rewardsFor(
                    a,
                    eventId,
                    nth,
                    a.policy().milestones().isEmpty()
                            ? Set.of()
                            : rewards.milestonesHeld(a.campaignId(), a.referrerUserId()),
                    earnedBy(a),
                    now);
        }
        List<Reward> stored = book.issue(drafts, a.policy().budgetFen());
        if (!blocked) {
            // in this transaction: e.g. the invitee's orders reported before this event get their cashback now
            published.publishEvent(new AttributionRecorded(a));
        }
        int refused = (int)
                stored.stream().filter(r -> r.status() == RewardStatus.REFUSED).count();
        return new Outcome(stored.size() - refused, refused);
    }

    private ReferralRewardPlan.Earned earnedBy(Attribution a) {
        if (a.policy().caps() == null) {
            return new ReferralRewardPlan.Earned(0, 0, 0);
        }
        Instant day = ReferralRewardPlan.dayStart(a.attributedAt());
        Instant month = ReferralRewardPlan.monthStart(a.attributedAt());
        Instant nextMonth = month.atZone(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
        return new ReferralRewardPlan.Earned(
                rewards.countReferrerEarnings(a.campaignId(), a.referrerUserId(), day, day.plus(1, ChronoUnit.DAYS)),
                rewards.countReferrerEarnings(a.campaignId(), a.referrerUserId(), month, nextMonth),
                rewards.countReferrerEarnings(a.campaignId(), a.referrerUserId(), Instant.EPOCH, Instant.MAX));
    }
}
