package io.laxin.reward.report.domain;

/** How many rewards and what they add up to, in one unit (points, fen or coupons). */
public record Tally(long count, long amount) {

    public static final Tally NONE = new Tally(0, 0);

    public Tally plus(Tally other) {
        return new Tally(count + other.count, amount + other.amount);
    }
}
