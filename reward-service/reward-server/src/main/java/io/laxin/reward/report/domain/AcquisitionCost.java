package io.laxin.reward.report.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one acquired user cost: the cash (fen) plus the points (at the configured fen per 100 points) of the rewards
 * granted in the period that still stand (not refused or revoked, net of clawbacks), divided by the invitees
 * attributed in the period. One rounding only, half-up to whole fen, at the end; null when there is no invitee.
 */
public record AcquisitionCost(long invitees, long cashFen, long points, long fenPerHundredPoints, Long perUserFen) {

    public static AcquisitionCost of(long invitees, long cashFen, long points, long fenPerHundredPoints) {
        return new AcquisitionCost(
                invitees,
                cashFen,
                points,
                fenPerHundredPoints,
                perUser(invitees, cashFen, points, fenPerHundredPoints));
    }

    /** (cashFen + points × rate / 100) / invitees, rounded half-up to whole fen; null for no invitee. */
    static Long perUser(long invitees, long cashFen, long points, long fenPerHundredPoints) {
        if (invitees <= 0) {
            return null;
        }
        BigDecimal hundredthsOfFen = BigDecimal.valueOf(cashFen)
                .multiply(BigDecimal.valueOf(100))
                .add(BigDecimal.valueOf(points).multiply(BigDecimal.valueOf(fenPerHundredPoints)));
        return hundredthsOfFen
                .divide(BigDecimal.valueOf(invitees).multiply(BigDecimal.valueOf(100)), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
