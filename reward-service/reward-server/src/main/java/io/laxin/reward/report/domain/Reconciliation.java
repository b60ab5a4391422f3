package io.laxin.reward.report.domain;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of reconciling the ledger with the rewards (and the payouts, where settlement exists): ok only when
 * every check is. {@code runId} is the job run that recorded it.
 */
public record Reconciliation(boolean ok, long runId, Long campaignId, Instant checkedAt, List<Check> checks) {

    public static Reconciliation of(long runId, Long campaignId, Instant checkedAt, List<Check> checks) {
        return new Reconciliation(
                checks.stream().allMatch(Check::ok), runId, campaignId, checkedAt, List.copyOf(checks));
    }

    /**
     * One check: ok when it found no discrepancy. Each discrepancy names the rows involved (ids, amounts). At most
     * {@link #SHOWN} are listed; {@code note} says when there were more.
     */
    public record Check(String name, boolean ok, String note, List<Discrepancy> discrepancies) {

        public static final int SHOWN = 100;

        public static Check of(String name, List<? extends Discrepancy> found) {
            return new Check(
                    name,
                    found.isEmpty(),
                    found.size() >= SHOWN ? "only the first " + SHOWN + " discrepancies are listed" : null,
                    List.copyOf(found));
        }
    }
}
