package io.laxin.reward.reward.application;

import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.Rewards;
import io.laxin.reward.reward.domain.RiskBlocks;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: a fraud REJECT for an invitee (after review or late analysis). Every reward of their referral in that
 * campaign — both sides, milestones, cashback — is voided while pending, or clawed back with a negative adjustment
 * once released. The invitee is blocked in the campaign, so an attribution that arrives later earns nothing either.
 * Idempotent on the event id; the take-backs are keyed by the event too. One READ COMMITTED transaction, opened here
 * and run again when it loses a race ({@link ConflictRetry}).
 */
@Service
public class RevokingRejectedReferrals {

    private final ProcessedEvents processed;
    private final Attributions attributions;
    private final Rewards rewards;
    private final RiskBlocks blocks;
    private final RewardBook book;
    private final ConflictRetry retry;
    private final TransactionTemplate tx;
    private final Clock clock;

    public RevokingRejectedReferrals(
            ProcessedEvents processed,
            Attributions attributions,
            Rewards rewards,
            RiskBlocks blocks,
            RewardBook book,
            ConflictRetry retry,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.processed = processed;
        this.attributions = attributions;
        this.rewards = rewards;
        this.blocks = blocks;
        this.book = book;
        this.retry = retry;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** What one delivery did: rewards voided or clawed back, and the total taken back per reward (any unit). */
    public record Outcome(int rewardsTouched) {}

    public Outcome handle(RevokeRejectedReferralCommand c) {
        return retry.run(() -> tx.execute(status -> revoke(c)));
    }

    private Outcome revoke(RevokeRejectedReferralCommand c) {
        if (!processed.firstDelivery(c.consumer(), c.eventId())) {
            return new Outcome(0);
        }
        // serialised with the invitee's attribution and orders being recorded: none of them slips past the block
        attributions.guardInvitee(c.inviteeUserId());
        blocks.block(c.campaignId(), c.inviteeUserId(), c.reason(), c.eventId(), clock.instant());
        int touched = 0;
        for (Attribution a : attributions.ofInvitee(c.campaignId(), c.inviteeUserId())) {
            attributions.markRevoked(a.referralId(), c.reason());
            for (Reward r : rewards.ofReferral(a.referralId())) {
                if (r.source() != RewardSource.ADJUSTMENT
                        && book.takeBack(r, r.amount(), c.reason(), "risk:" + c.eventId()) > 0) {
                    touched++;
                }
            }
        }
        return new Outcome(touched);
    }
}
