package io.laxin.reward.report.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The finance report of a period: reward movements by kind, the budget, the cost per acquired user, the top
 * referrers, and what was refused or revoked by reason. Amounts are integers: points, fen, coupons.
 */
public record RewardReport(
        ReportPeriod period,
        Instant generatedAt,
        Map<Movement, ByKind> movements,
        Budget budget,
        AcquisitionCost acquisition,
        List<ReferrerLine> topByInvitees,
        List<ReferrerLine> topByCash,
        List<ReasonLine> refusedAndRevoked) {

    public RewardReport {
        movements = Map.copyOf(movements);
        topByInvitees = List.copyOf(topByInvitees);
        topByCash = List.copyOf(topByCash);
        refusedAndRevoked = List.copyOf(refusedAndRevoked);
    }

    public ByKind movement(Movement m) {
        return movements.getOrDefault(m, ByKind.NONE);
    }
}
