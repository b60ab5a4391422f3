package io.laxin.reward.settlement.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A settlement batch: one campaign's cash rewards for a period, as statement lines per user, on their way from
 * AVAILABLE to PAID. Who did what is kept for the audit; the approver must not be the submitter (four eyes).
 *
 * @param minPayoutFen     a user whose net is below this is carried over to a later batch
 * @param rewardCount      rewards the lines hold
 * @param carriedOverUsers users whose rewards were collected but left for a later batch (net below the minimum)
 * @param jobRunId         the job run that collected it (progress while COLLECTING)
 * @param note             why it was rejected, or why collecting failed
 */
public record SettlementBatch(
        long id,
        long campaignId,
        Period period,
        long minPayoutFen,
        BatchState state,
        long lineCount,
        long totalFen,
        long rewardCount,
        long carriedOverUsers,
        Long jobRunId,
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
        Instant paidAt) {

    /** Why a move is refused. */
    public enum Refusal {
        /** The batch is not in a state the move starts from. */
        ILLEGAL_TRANSITION,
        /** Whoever created or submitted the batch tried to approve it (four eyes: the approver is someone else). */
        SELF_APPROVAL
    }

    /** Whether {@code actor} may make {@code move} now: empty when allowed, else why not. */
    public Optional<Refusal> refusal(Transition move, String actor) {
        if (!move.from().contains(state)) {
            return Optional.of(Refusal.ILLEGAL_TRANSITION);
        }
        if (move == Transition.APPROVE && (Objects.equals(submittedBy, actor) || Objects.equals(createdBy, actor))) {
            return Optional.of(Refusal.SELF_APPROVAL);
        }
        return Optional.empty();
    }

    /** The payout file exists from approval on, and stays the same. */
    public boolean hasPayoutFile() {
        return state == BatchState.APPROVED || state == BatchState.PAID;
    }
}
