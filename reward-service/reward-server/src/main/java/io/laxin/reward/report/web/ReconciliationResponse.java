package io.laxin.reward.report.web;

import io.laxin.reward.report.domain.Discrepancy;
import io.laxin.reward.report.domain.Reconciliation;
import java.time.Instant;
import java.util.List;

/** The reconciliation's outcome: ok only when every check is; each discrepancy names the rows involved. */
public record ReconciliationResponse(boolean ok, long runId, Long campaignId, Instant checkedAt, List<Check> checks) {

    static ReconciliationResponse of(Reconciliation r) {
        return new ReconciliationResponse(
                r.ok(),
                r.runId(),
                r.campaignId(),
                r.checkedAt(),
                r.checks().stream()
                        .map(c -> new Check(c.name(), c.ok(), c.note(), c.discrepancies()))
                        .toList());
    }

    /** {@code discrepancies} are written as their records' components (see {@link Discrepancy}). */
    public record Check(String name, boolean ok, String note, List<Discrepancy> discrepancies) {}
}
