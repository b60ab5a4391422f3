package io.laxin.reward.settlement.web;

import io.laxin.kernel.job.JobRun;
import io.laxin.reward.settlement.application.ReadingSettlements;
import io.laxin.reward.settlement.domain.SettlementBatch;
import java.time.Instant;

/** A batch with its totals, who did what, and how far its collection got. */
public record SettlementBatchResponse(
        long id,
        long campaignId,
        Instant from,
        Instant to,
        long minPayoutFen,
        String state,
        long lineCount,
        long totalFen,
        long rewardCount,
        long carriedOverUsers,
        String note,
        String createdBy,
        Instant createdAt,
        String submittedBy,
        Instant submittedAt,
        String approvedBy,
        Instant approvedAt,
        String rejectedBy,
        Instant rejectedAt,
        String paidBy,
        Instant paidAt,
        Collection collection) {

    /** The collecting job run: its id (also at /api/v1/admin/rewards/jobs/{id}), status and progress. */
    public record Collection(long jobRunId, String status, long done, long total, Integer percent) {
        static Collection of(JobRun r) {
            return r == null ? null : new Collection(r.id(), r.status().name(), r.done(), r.total(), r.percent());
        }
    }

    static SettlementBatchResponse of(ReadingSettlements.BatchOverview o) {
        SettlementBatch b = o.batch();
        return new SettlementBatchResponse(
                b.id(),
                b.campaignId(),
                b.period().from(),
                b.period().to(),
                b.minPayoutFen(),
                b.state().name(),
                b.lineCount(),
                b.totalFen(),
                b.rewardCount(),
                b.carriedOverUsers(),
                b.note(),
                b.createdBy(),
                b.createdAt(),
                b.submittedBy(),
                b.submittedAt(),
                b.approvedBy(),
                b.approvedAt(),
                b.rejectedBy(),
                b.rejectedAt(),
                b.paidBy(),
                b.paidAt(),
                Collection.of(o.collection()));
    }
}
