package io.laxin.webhook.delivery.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt of a round, the next waits a uniformly random
 * time in [0, min(cap, base · 2^(n-1))]; after {@code maxAttempts} failed attempts the delivery is DEAD.
 */
public record RetrySchedule(Duration base, Duration cap, int maxAttempts) {

    /** The upper bound of the wait after the n-th failure (n ≥ 1). */
    public Duration ceilingAfter(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long millis = base.toMillis();
        long ceiling = millis > Long.MAX_VALUE >> exponent ? Long.MAX_VALUE : millis << exponent;
        return Duration.ofMillis(Math.min(ceiling, cap.toMillis()));
    }

    /** The wait after the n-th failure; {@code random} answers in [0, 1). */
    public Duration delayAfter(int failedAttempts, DoubleSupplier random) {
        return Duration.ofMillis((long) (ceilingAfter(failedAttempts).toMillis() * random.getAsDouble()));
    }

    public boolean exhausted(int failedAttemptsThisRound) {
        return failedAttemptsThisRound >= maxAttempts;
    }
}
