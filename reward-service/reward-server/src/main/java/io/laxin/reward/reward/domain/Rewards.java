package io.laxin.reward.reward.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: stored rewards; the business key is unique; a status change is conditional on the row's version. */
public interface Rewards {

    /**
     * The milestones (their Nth) the referrer holds in the campaign: milestone rewards granted and not revoked, so a
     * milestone is paid once while its reward stands, and can be earned again only once it was revoked.
     */
    java.util.Set<Integer> milestonesHeld(long campaignId, String referrerUserId);

    /** Stores a new reward; empty when one with its business key exists already (nothing is written). */
    Optional<Reward> add(Reward reward);

    Optional<Reward> byId(long id);

    /** Every reward of a referral, oldest first (referral, milestone, cashback, adjustments). */
    List<Reward> ofReferral(long referralId);

    /**
     * Locks reward {@code id} until the transaction ends and answers how much its negative adjustments have taken
     * back so far (as a positive number), read after the lock: two clawbacks of one reward (a fraud REJECT and a
     * refund) go one after the other, and the second sees what the first took.
     */
    long lockAndSumAdjustments(long id);

    List<Reward> ofUser(String userId, int limit);

    /**
     * Moves a reward to another status if its row still has {@code version}; false when someone else changed it
     * first. Sets the matching timestamp (released_at, revoked_at, ...) to {@code at}.
     */
    boolean changeStatus(long id, int version, RewardStatus to, String reason, Instant at);

    /** Lowers a pending reward's amount and budget charge if its row still has {@code version}. */
    boolean reduce(long id, int version, long newAmount, long newCostFen);

    /**
     * Locks up to {@code limit} PENDING rewards whose hold has ended, skipping rows another transaction holds, so
     * jobs on several replicas share the work without waiting on each other.
     */
    List<Reward> lockReleasable(Instant now, int limit);

    /** Locks up to {@code limit} PENDING rewards of a campaign, skipping rows another transaction holds. */
    List<Reward> lockPendingOfCampaign(long campaignId, int limit);

    /** The referrer's granted (not refused) referral rewards in a campaign created in [from, to). */
    long countReferrerEarnings(long campaignId, String userId, Instant from, Instant to);

    /** Counts by beneficiary and status for a campaign. */
    CampaignCounts countCampaign(long campaignId);

    record CampaignCounts(long referrer, long invitee, long pending) {}
}
