package io.laxin.reward.settlement.domain;

/**
 * What one user is paid in one batch: the net of the user's collected rewards in fen (negative adjustments
 * included), never below the batch's minimum payout.
 */
public record StatementLine(long id, long batchId, String userId, long amountFen, long rewardCount) {

    /** The reference a payout row carries, so the bank's answer can be matched to the line. */
    public String payoutReference() {
        return "LX-" + batchId + "-" + id;
    }
}
