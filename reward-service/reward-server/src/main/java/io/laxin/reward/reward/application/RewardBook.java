package io.laxin.reward.reward.application;

import io.laxin.reward.api.event.RewardEventTags;
import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Ledger;
import io.laxin.reward.ledger.domain.Posting;
import io.laxin.reward.ledger.domain.PostingType;
import io.laxin.reward.reward.domain.Budgets;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardCosts;
import io.laxin.reward.reward.domain.RewardEvents;
import io.laxin.reward.reward.domain.RewardStatus;
import io.laxin.reward.reward.domain.Rewards;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every change of a reward, with its ledger posting and its event, in the caller's transaction: issue (charging
 * the budget, or refusing with {@code BUDGET_EXHAUSTED}), release, and taking back (void or reduce while pending; a
 * negative adjustment once released). The use cases (referrals, orders, fraud verdicts, the release job) all go
 * through here, so no path moves a reward without its posting.
 */
@Component
public class RewardBook {

    public static final String BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";

    private final Rewards rewards;
    private final Budgets budgets;
    private final Ledger ledger;
    private final RewardCosts costs;
    private final RewardEvents events;
    private final Clock clock;

    public RewardBook(
            Rewards rewards, Budgets budgets, Ledger ledger, RewardCosts costs, RewardEvents events, Clock clock) {
        this.rewards = rewards;
        this.budgets = budgets;
        this.ledger = ledger;
        this.costs = costs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Issues drafts (PENDING, or REFUSED already by a cap). A draft that does not fit the budget is stored REFUSED
     * with {@code BUDGET_EXHAUSTED}. Drafts whose business key exists are skipped.
     *
     * @return the rewards stored by this call, with their ids
     */
    public List<Reward> issue(List<Reward> drafts, Long budgetFen) {
        List<Reward> stored = new ArrayList<>();
        for (Reward draft : drafts) {
            Reward r = draft;
            if (r.status() == RewardStatus.PENDING) {
                long cost = costs.costFen(r.kind(), r.amount());
                r = budgets.charge(r.campaignId(), r.policyVersion(), budgetFen, cost)
                        ? r.withCost(cost)
                        : r.refused(BUDGET_EXHAUSTED);
            }
            Optional<Reward> added = rewards.add(r);
            if (added.isEmpty()) {
                if (r.costFen() > 0) {
                    budgets.giveBack(r.campaignId(), r.costFen());
                }
                continue;
            }
            Reward saved = added.get();
            if (saved.status() == RewardStatus.PENDING) {
                ledger.post(Posting.debitCredit(
                        "issue:" + saved.id(),
                        PostingType.ISSUE,
                        saved.campaignId(),
                        saved.userId(),
                        saved.id(),
                        saved.unit(),
                        saved.amount(),
                        Account.CAMPAIGN_EXPENSE,
                        Account.PAYABLE_PENDING,
                        clock.instant()));
                events.published(RewardEventTags.ISSUED, saved);
            }
            stored.add(saved);
        }
        return stored;
    }

    /** Releases a PENDING reward (hold over): false when another job got there first. */
    public boolean release(Reward r) {
        Instant now = clock.instant();
        if (r.status() != RewardStatus.PENDING
                || !rewards.changeStatus(r.id(), r.version(), RewardStatus.AVAILABLE, null, now)) {
            return false;
        }
        ledger.post(Posting.debitCredit(
                "release:" + r.id(),
                PostingType.RELEASE,
                r.campaignId(),
                r.userId(),
                r.id(),
                r.unit(),
                r.amount(),
                Account.PAYABLE_PENDING,
                Account.PAYABLE_AVAILABLE,
                now));
        events.published(RewardEventTags.RELEASED, rewards.byId(r.id()).orElseThrow());
        return true;
    }

    /**
     * Takes back {@code amount} (at most what is left) of a reward for {@code reason}: a pending reward is voided
     * (REVOKED) or reduced, and its budget charge given back in proportion; a released, settled or paid one keeps its
     * status and gets a negative adjustment that later earnings absorb. {@code key} names the cause (e.g. the refund
     * id), so the same cause never takes back twice.
     *
     * @return what was taken back (0 when already taken, or when nothing is left)
     * @throws ConcurrentRewardChange when the row changed under us; the caller's transaction rolls back and retries
     */
    public long takeBack(Reward r, long amount, String reason, String key) {
        if (r.amount() <= 0
                || amount <= 0
                || r.status() == RewardStatus.REVOKED
                || r.status() == RewardStatus.REFUSED) {
            return 0;
        }
        Instant now = clock.instant();
        long taken;
        if (r.status() == RewardStatus.PENDING) {
            taken = Math.min(amount, r.amount());
            long left = r.amount() - taken;
            long costLeft = left == 0 ? 0 : -Math.floorDiv(-Math.multiplyExact(r.costFen(), left), r.amount());
            boolean changed = left == 0
                    ? rewards.changeStatus(r.id(), r.version(), RewardStatus.REVOKED, reason, now)
                    : rewards.reduce(r.id(), r.version(), left, costLeft);
            if (!changed) {
                throw new ConcurrentRewardChange(r.id());
            }
            ledger.post(Posting.debitCredit(
                    "revoke:" + r.id() + ":" + key,
                    PostingType.REVOKE,
                    r.campaignId(),
                    r.userId(),
                    r.id(),
                    r.unit(),
                    -taken,
                    Account.CAMPAIGN_EXPENSE,
                    Account.PAYABLE_PENDING,
                    now));
            if (r.costFen() - costLeft > 0) {
                budgets.giveBack(r.campaignId(), r.costFen() - costLeft);
            }
            Reward after = rewards.byId(r.id()).orElseThrow();
            events.published(left == 0 ? RewardEventTags.REVOKED : RewardEventTags.ADJUSTED, after);
            return taken;
        }
        long alreadyAdjusted = rewards.lockAndSumAdjustments(r.id());
        taken = Math.min(amount, r.amount() - alreadyAdjusted);
        if (taken <= 0) {
            return 0;
        }
        Optional<Reward> adjustment =
                rewards.add(r.adjustment(taken, reason, "adjust:" + r.id() + ":" + key, key, now));
        if (adjustment.isEmpty()) {
            return 0;
        }
        Reward a = adjustment.get();
        ledger.post(Posting.debitCredit(
                "clawback:" + a.id(),
                PostingType.CLAWBACK,
                a.campaignId(),
                a.userId(),
                a.id(),
                a.unit(),
                a.amount(),
                Account.CAMPAIGN_EXPENSE,
                Account.PAYABLE_AVAILABLE,
                now));
        events.published(RewardEventTags.ADJUSTED, a);
        return taken;
    }

    /** A reward's row changed between reading and writing it (another transaction moved it). */
    public static class ConcurrentRewardChange extends RuntimeException {
        public ConcurrentRewardChange(long rewardId) {
            super("Reward " + rewardId + " changed concurrently; retry");
        }
    }
}
