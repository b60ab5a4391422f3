package io.laxin.reward.report.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finance report covers: the half-open interval [from, to) and one campaign, or every campaign when
 * {@code campaignId} is null. At most {@link #LONGEST} long, so one request cannot scan years of rewards.
 */
public record ReportPeriod(Instant from, Instant to, Long campaignId) {

    public static final Duration LONGEST = Duration.ofDays(366);

    /** Why a pair of instants is not a period. */
    public enum Problem {
        EMPTY,
        TOO_LONG
    }

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        problemWith(from, to).ifPresent(p -> {
            throw new IllegalArgumentException("Not a report period (" + p + "): " + from + " .. " + to);
        });
    }

    public static Optional<Problem> problemWith(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return Optional.of(Problem.EMPTY);
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }
}
