package io.laxin.reward.reward.domain;

/** Port: campaign budgets in fen, never overdrawn even under concurrency. */
public interface Budgets {

    /**
     * Charges {@code costFen} to the campaign if it fits (atomically); a newer policy version's budget replaces the
     * older one's total first.
     *
     * @param budgetFen the policy's budget; null for no budget (always fits, still counted)
     * @return false when it does not fit: nothing was charged
     */
    boolean charge(long campaignId, int policyVersion, Long budgetFen, long costFen);

    /** Gives back what a revoked reward had charged. */
    void giveBack(long campaignId, long costFen);
}
