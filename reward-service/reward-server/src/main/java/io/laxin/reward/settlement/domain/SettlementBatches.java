package io.laxin.reward.settlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: settlement batches. Every state change is conditional on the row's current state. */
public interface SettlementBatches {

    /** Stores a new COLLECTING batch and returns its id. */
    long add(long campaignId, Period period, long minPayoutFen, String createdBy, Instant at);

    void attachRun(long batchId, long jobRunId);

    Optional<SettlementBatch> byId(long id);

    /** Newest first; all campaigns when {@code campaignId} is null. */
    List<SettlementBatch> list(Long campaignId, int offset, int limit);

    /** COLLECTING → DRAFT with its totals taken from its lines; false when it was not COLLECTING. */
    boolean collected(long batchId, long carriedOverUsers, Instant at);

    /**
     * Batches still COLLECTING whose collection last reported progress (or, without a run, was created) before
     * {@code quietSince}: their collector died.
     */
    List<Long> collectingQuietSince(Instant quietSince);

    /** COLLECTING → FAILED with the reason. */
    boolean failed(long batchId, String reason, Instant at);

    /**
     * Makes {@code move} if the batch is still in one of its starting states (and, for an approval, was submitted
     * by someone else); false when another request moved it first.
     */
    boolean move(long batchId, Transition move, String actor, String note, Instant at);
}
