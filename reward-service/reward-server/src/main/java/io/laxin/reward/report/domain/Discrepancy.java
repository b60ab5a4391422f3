package io.laxin.reward.report.domain;

import java.util.List;

/**
 * One place where the books disagree, naming the rows involved. Each kind is a record whose components are, in order,
 * the fields of its JSON (the console shows them as columns, the first discrepancy's fields as headers).
 */
public sealed interface Discrepancy {

    /** A unit whose ledger entries do not sum to zero. */
    record UnbalancedUnit(String unit, long sum) implements Discrepancy {}

    /** A posting whose lines do not sum to zero in {@code unit}, with its lines. */
    record UnbalancedPosting(String postingId, String unit, long sum, List<Entry> entries) implements Discrepancy {

        public UnbalancedPosting {
            entries = List.copyOf(entries);
        }

        public UnbalancedPosting withEntries(List<Entry> lines) {
            return new UnbalancedPosting(postingId, unit, sum, lines);
        }

        /** One ledger line of the posting ({@code rewardId} null for a line of no reward, e.g. a settlement's). */
        public record Entry(long id, int lineNo, String postingType, String account, Long rewardId, long amount) {}
    }

    /**
     * A reward whose postings do not match it: what is wrong ({@code problems}), what its CAMPAIGN_EXPENSE entries
     * should sum to and what they sum to, and how many ledger lines it has.
     */
    record MispostedReward(
            long rewardId,
            long campaignId,
            String userId,
            String status,
            String source,
            String kind,
            long amount,
            List<Problem> problems,
            long expectedExpense,
            long foundExpense,
            long ledgerLines)
            implements Discrepancy {

        public MispostedReward {
            problems = List.copyOf(problems);
        }

        /** What is wrong with a reward's postings. */
        public enum Problem {
            /** a granted reward without its ISSUE posting */
            NO_ISSUE_POSTING,
            /** a negative adjustment without its CLAWBACK posting */
            NO_CLAWBACK_POSTING,
            /** its CAMPAIGN_EXPENSE entries do not sum to its amount (0 when REVOKED) */
            EXPENSE_MISMATCH,
            /** released, but without its RELEASE posting */
            NO_RELEASE_POSTING,
            /** REFUSED, yet posted */
            REFUSED_BUT_POSTED
        }
    }

    /** A line of a PAID settlement batch that is not the sum of that user's PAID cash rewards in the batch. */
    record PayoutMismatch(long lineId, long batchId, String userId, long lineAmountFen, long paidRewardsFen)
            implements Discrepancy {}
}
