package io.laxin.reward.settlement.domain;

import java.util.Set;

/** A move finance makes on a batch: the states it may start from and the one it leads to. */
public enum Transition {
    SUBMIT(Set.of(BatchState.DRAFT), BatchState.SUBMITTED),
    APPROVE(Set.of(BatchState.SUBMITTED), BatchState.APPROVED),
    REJECT(Set.of(BatchState.DRAFT, BatchState.SUBMITTED), BatchState.REJECTED),
    CONFIRM_PAYOUT(Set.of(BatchState.APPROVED), BatchState.PAID);

    private final Set<BatchState> from;
    private final BatchState to;

    Transition(Set<BatchState> from, BatchState to) {
        this.from = from;
        this.to = to;
    }

    public Set<BatchState> from() {
        return from;
    }

    public BatchState to() {
        return to;
    }
}
