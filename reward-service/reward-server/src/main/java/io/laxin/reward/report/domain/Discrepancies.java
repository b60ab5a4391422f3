package io.laxin.reward.report.domain;

import java.util.List;

/**
 * Port: finds where the books disagree, each by aggregate queries in the store, at most {@code limit} rows each.
 * {@code campaignId} null means every campaign.
 */
public interface Discrepancies {

    /** Units whose entries do not sum to zero. */
    List<Discrepancy.UnbalancedUnit> unbalancedUnits(Long campaignId);

    /** Postings whose lines do not sum to zero in a unit, each with its lines. */
    List<Discrepancy.UnbalancedPosting> unbalancedPostings(Long campaignId, int limit);

    /**
     * Rewards whose postings do not match them: a granted reward without its ISSUE posting (an adjustment without
     * its CLAWBACK), CAMPAIGN_EXPENSE entries not summing to its amount (0 when REVOKED), a released reward without
     * its RELEASE posting, a REFUSED one with postings.
     */
    List<Discrepancy.MispostedReward> mispostedRewards(Long campaignId, int limit);

    /** Lines of PAID batches whose amount is not the sum of that user's PAID cash rewards in the batch. */
    List<Discrepancy.PayoutMismatch> mismatchedPayoutLines(Long campaignId, int limit);
}
