package io.laxin.reward.settlement.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.job.JobRun;
import io.laxin.kernel.job.Jobs;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.settlement.domain.PayoutFile;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.SettlementBatches;
import io.laxin.reward.settlement.domain.StatementLine;
import io.laxin.reward.settlement.domain.StatementLines;
import java.util.List;
import org.springframework.stereotype.Service;

/** Queries: batches with their collection progress, their lines, and the payout file. */
@Service
public class ReadingSettlements {

    private static final int PAGE = 1000;

    private final SettlementBatches batches;
    private final StatementLines lines;
    private final Jobs jobs;

    public ReadingSettlements(SettlementBatches batches, StatementLines lines, Jobs jobs) {
        this.batches = batches;
        this.lines = lines;
        this.jobs = jobs;
    }

    /** A batch and the job run that collected it (null before the run started). */
    public record BatchOverview(SettlementBatch batch, JobRun collection) {}

    public BatchOverview batch(long id) {
        return overview(require(id));
    }

    public BatchOverview overview(SettlementBatch b) {
        return new BatchOverview(
                b, b.jobRunId() == null ? null : jobs.byId(b.jobRunId()).orElse(null));
    }

    public List<BatchOverview> list(Long campaignId, int page, int size) {
        return batches.list(campaignId, page * size, size).stream()
                .map(this::overview)
                .toList();
    }

    public List<StatementLine> lines(long batchId, int page, int size) {
        require(batchId);
        return lines.page(batchId, page * size, size);
    }

    /** The CSV payout file of an approved (or paid) batch. */
    public String payoutFile(long batchId) {
        SettlementBatch b = require(batchId);
        if (!b.hasPayoutFile()) {
            throw new LaxinException(
                    RewardErrorCode.SETTLEMENT_PAYOUT_FILE_NOT_READY,
                    "Batch " + batchId + " is " + b.state() + "; its payout file exists once it is APPROVED");
        }
        StringBuilder csv = new StringBuilder(PayoutFile.HEADER);
        long after = 0;
        List<StatementLine> page;
        while (!(page = lines.after(batchId, after, PAGE)).isEmpty()) {
            PayoutFile.appendRows(csv, page);
            after = page.get(page.size() - 1).id();
        }
        return csv.toString();
    }

    private SettlementBatch require(long id) {
        return batches.byId(id).orElseThrow(() -> AdvancingSettlementBatch.notFound(id));
    }
}
