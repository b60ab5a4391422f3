package io.laxin.kernel.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Times a host reports (a registration, a payment, a refund): plausible when after {@link #EARLIEST} and not in the
 * future beyond {@link #CLOCK_SKEW} of the suite's clock. Anything else is a mistake (epoch 0, a typo, year 2999) that
 * would skew windows, holds and reports.
 */
public final class ReportedTimes {

    /** How far ahead of our clock a host's clock may be. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Nothing happened in the suite's world before this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private ReportedTimes() {}

    public static boolean plausible(Instant value, Instant now) {
        return value != null && !value.isBefore(EARLIEST) && !value.isAfter(now.plus(CLOCK_SKEW));
    }

    /** Why {@code value} is refused, for a problem's detail. */
    public static String why(String field, Instant value) {
        return field + " " + value + " is not a plausible time: it must be after " + EARLIEST
                + " and not in the future (" + CLOCK_SKEW.toMinutes() + " min of clock skew allowed)";
    }
}
