package io.laxin.reward.report.domain;

/**
 * A campaign budget (or the sum over campaigns) as it stands now, in fen. {@code budgetFen} and {@code leftFen} are
 * null when a campaign in scope has no budget (unlimited) or none is known.
 */
public record Budget(Long budgetFen, long usedFen, Long leftFen) {

    public static Budget of(Long budgetFen, long usedFen) {
        return new Budget(budgetFen, usedFen, budgetFen == null ? null : budgetFen - usedFen);
    }
}
