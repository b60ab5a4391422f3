package io.laxin.reward.settlement.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Ledger;
import io.laxin.reward.ledger.domain.Posting;
import io.laxin.reward.ledger.domain.PostingType;
import io.laxin.reward.ledger.domain.Unit;
import io.laxin.reward.reward.domain.RewardBatches;
import io.laxin.reward.reward.domain.RewardEvents;
import io.laxin.reward.reward.domain.RewardStatus;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.SettlementBatches;
import io.laxin.reward.settlement.domain.SettlementEvents;
import io.laxin.reward.settlement.domain.StatementLine;
import io.laxin.reward.settlement.domain.StatementLines;
import io.laxin.reward.settlement.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: move a batch on, in one transaction with its effects. The state change is a conditional update on the
 * batch row, so of two concurrent moves one wins and the other is refused. Approval (by someone other than the
 * submitter) settles the batch's rewards and posts each line PAYABLE_AVAILABLE → PAYABLE_SETTLED; the payout
 * confirmation pays them and posts PAYABLE_SETTLED → PAYOUT_CLEARING; a rejection hands the rewards back to be
 * collected again. The rewards move through the reward feature's {@link RewardBatches} (set-wise, one statement per
 * batch). Postings have per-line ids ({@code settle:line:7}), so none is ever made twice. Approval and payout are
 * announced on the reward topic in the same transaction: the batch's events, one REWARD_PAID per payee, and one
 * REWARD_BATCH_SETTLED / REWARD_BATCH_PAID for the batch's rewards (through {@link RewardEvents}).
 */
@Service
public class AdvancingSettlementBatch {

    private static final int PAGE = 1000;

    private final SettlementBatches batches;
    private final RewardBatches rewards;
    private final StatementLines lines;
    private final Ledger ledger;
    private final SettlementEvents events;
    private final RewardEvents rewardEvents;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public AdvancingSettlementBatch(
            SettlementBatches batches,
            RewardBatches rewards,
            StatementLines lines,
            Ledger ledger,
            SettlementEvents events,
            RewardEvents rewardEvents,
            Clock clock,
            IdempotentRequests idempotency) {
        this.batches = batches;
        this.rewards = rewards;
        this.lines = lines;
        this.ledger = ledger;
        this.events = events;
        this.rewardEvents = rewardEvents;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** {@link #handle(AdvanceSettlementBatchCommand)} once per Idempotency-Key, recorded in its transaction. */
    @Transactional
    public <A> A handle(AdvanceSettlementBatchCommand c, IdempotentRequests.Answer<SettlementBatch, A> answer) {
        return idempotency.once(answer, () -> handle(c));
    }

    @Transactional
    public SettlementBatch handle(AdvanceSettlementBatchCommand c) {
        if (c.move() == Transition.REJECT && (c.note() == null || c.note().isBlank())) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "A rejection needs a note saying why");
        }
        SettlementBatch b = batches.byId(c.batchId()).orElseThrow(() -> notFound(c.batchId()));
        b.refusal(c.move(), c.actor()).ifPresent(r -> {
            throw refused(r, b, c.move());
        });
        Instant now = clock.instant();
        if (!batches.move(b.id(), c.move(), c.actor(), c.note(), now)) {
            throw refused(SettlementBatch.Refusal.ILLEGAL_TRANSITION, b, c.move());
        }
        switch (c.move()) {
            case APPROVE -> {
                // settling locks the batch's rewards (a clawback in flight finishes first); then any adjustment made
                // since collection is seen, and approval is refused: the lines would pay what fraud or a refund took
                int settled = rewards.settle(b.id(), now);
                int adjusted = rewards.countAdjustedAfterCollection(b.id());
                if (adjusted > 0) {
                    throw new LaxinException(
                            RewardErrorCode.SETTLEMENT_BATCH_STALE,
                            adjusted + " reward(s) of batch "
                                    + b.id()
                                    + " were clawed back after it was collected; reject it and collect again so its "
                                    + "lines net them");
                }
                forEachPage(
                        b,
                        page -> post(
                                b,
                                page,
                                PostingType.SETTLE,
                                "settle:line:",
                                Account.PAYABLE_AVAILABLE,
                                Account.PAYABLE_SETTLED,
                                now));
                events.approved(b, c.actor(), now);
                rewardEvents.batchMoved(moved(b, RewardStatus.SETTLED, settled));
            }
            case CONFIRM_PAYOUT -> {
                int paid = rewards.pay(b.id(), now);
                forEachPage(b, page -> {
                    post(b, page, PostingType.PAY, "pay:line:", Account.PAYABLE_SETTLED, Account.PAYOUT_CLEARING, now);
                    events.linesPaid(b, page, now);
                });
                events.paid(b, c.actor(), now);
                rewardEvents.batchMoved(moved(b, RewardStatus.PAID, paid));
            }
            case REJECT -> rewards.releaseAll(b.id());
            case SUBMIT -> {
                // nothing moves until approval
            }
        }
        return batches.byId(b.id()).orElseThrow();
    }

    /** The batch's rewards moved together: what they are worth is the batch's total (its lines net them). */
    private static RewardBatches.Moved moved(SettlementBatch b, RewardStatus to, int rewards) {
        return new RewardBatches.Moved(b.id(), b.campaignId(), to, rewards, b.totalFen());
    }

    /** The batch's statement lines, a page at a time, in id order. */
    private void forEachPage(SettlementBatch b, Consumer<List<StatementLine>> action) {
        long after = 0;
        List<StatementLine> page;
        while (!(page = lines.after(b.id(), after, PAGE)).isEmpty()) {
            action.accept(page);
            after = page.get(page.size() - 1).id();
        }
    }

    /** Per line, moves its amount onto {@code to} (debit) from {@code from} (credit). */
    private void post(
            SettlementBatch b,
            List<StatementLine> page,
            PostingType type,
            String idPrefix,
            Account to,
            Account from,
            Instant at) {
        // the batch's conditional state change above makes these postings new: insert them in batches
        ledger.postAll(page.stream()
                .map(l -> Posting.debitCredit(
                        idPrefix + l.id(),
                        type,
                        b.campaignId(),
                        l.userId(),
                        null,
                        Unit.FEN,
                        l.amountFen(),
                        to,
                        from,
                        at))
                .toList());
    }

    static LaxinException notFound(long batchId) {
        return new LaxinException(RewardErrorCode.SETTLEMENT_BATCH_NOT_FOUND, "No settlement batch " + batchId);
    }

    private static LaxinException refused(SettlementBatch.Refusal r, SettlementBatch b, Transition move) {
        return switch (r) {
            case SELF_APPROVAL ->
                new LaxinException(
                        RewardErrorCode.SETTLEMENT_SELF_APPROVAL,
                        "Batch " + b.id() + " was created by " + b.createdBy() + " and submitted by " + b.submittedBy()
                                + "; another FINANCE person must approve it");
            case ILLEGAL_TRANSITION ->
                new LaxinException(
                        RewardErrorCode.SETTLEMENT_ILLEGAL_TRANSITION,
                        "Cannot " + move.name().toLowerCase().replace('_', ' ') + " batch " + b.id() + ": it is "
                                + b.state() + " (possible from " + move.from() + ")");
        };
    }
}
