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
        Map<Unit, Long> sums = lines.stream().collect(Collectors.groupingBy(Line::unit,
                Collectors.summingLong(Line::amount)));
        sums.forEach((unit, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("Posting " + id + " does not balance in " + unit + ": " + sum);
            }
        });
    }

    /**
     * Moves {@code amount} of one user's reward from {@code from} to {@code to}: {@code to} is debited, {@code from}
     * credited. A negative amount moves the other way.
     */
    public static Posting move(String id, PostingType type, long campaignId, String userId, Long rewardId, Unit unit,
                               long amount, Account to, Account from, Instant at) {
        return new Posting(id, type, campaignId, rewardId == null ? null : "reward:" + rewardId, at, List.of(
                new Line(to, userId, rewardId, unit, amount),
                new Line(from, userId, rewardId, unit, -amount)));
    }
}
