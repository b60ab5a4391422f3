package io.laxin.reward.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One balanced double-entry posting: its lines sum to zero per unit (debits positive, credits negative). Its id is
 * deterministic ({@code issue:42}), so posting the same movement twice is refused by the ledger's unique key.
 */
public record Posting(String id, PostingType type, long campaignId, String reference, Instant at, List<Line> lines) {

    /** One line: an amount on an account, for a user and reward where it concerns one. */
    public record Line(Account account, String userId, Long rewardId, Unit unit, long amount) {
        public Line {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(unit, "unit");
        }
    }

    public Posting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("Posting " + id + " needs at least two lines");
        }
        Map<Unit, Long> sums =
                lines.stream().collect(Collectors.groupingBy(Line::unit, Collectors.summingLong(Line::amount)));
        sums.forEach((unit, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("Posting " + id + " does not balance in " + unit + ": " + sum);
            }
        });
    }

    /**
     * A balanced pair of lines for one user's reward: {@code amount} debited to {@code debited} and credited to
     * {@code credited} (a negative amount turns them round), in the order the arguments read.
     */
    public static Posting debitCredit(
            String id,
            PostingType type,
            long campaignId,
            String userId,
            Long rewardId,
            Unit unit,
            long amount,
            Account debited,
            Account credited,
            Instant at) {
        return new Posting(
                id,
                type,
                campaignId,
                rewardId == null ? null : "reward:" + rewardId,
                at,
                List.of(
                        new Line(debited, userId, rewardId, unit, amount),
                        new Line(credited, userId, rewardId, unit, -amount)));
    }
}
