package io.laxin.reward.settlement.application;

import io.laxin.reward.settlement.domain.Transition;

/** Move a batch on (submit, approve, reject with a note, confirm its payout) as {@code actor}. */
public record AdvanceSettlementBatchCommand(long batchId, Transition move, String actor, String note) {}
