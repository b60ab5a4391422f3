package io.laxin.invite.referral.infra;

import io.laxin.invite.InviteProperties;
import io.laxin.kernel.config.SentinelBreakers;
import io.laxin.kernel.config.SentinelLogs;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sentinel circuit breaker around the call to antifraud-service ({@code laxin.invite.screening-breaker.*}; see
 * {@link SentinelBreakers} for how it opens and closes).
 */
@Component
class ScreeningBreaker {

    /** The breaker is open: do not call, answer REVIEW. */
    static final class Open extends RuntimeException {
        Open() {
            super("antifraud-service circuit open", null, false, false);
        }
    }

    private final String resource;

    ScreeningBreaker(InviteProperties properties) {
        InviteProperties.ScreeningBreaker breaker = properties.screeningBreaker();
        this.resource = breaker.resource();
        SentinelLogs.directTo(breaker.logDir());
        configure(breaker.errorRatio(), breaker.slowMs(), breaker.openSeconds(), breaker.minRequests());
    }

    /** (Re)loads the rules, which also closes the breaker. Other resources' rules stay (the rule manager is JVM-wide). */
    final void configure(double errorRatio, int slowMs, int openSeconds, int minRequests) {
        SentinelBreakers.load(resource, errorRatio, slowMs, openSeconds, minRequests);
    }

    <T> T call(Supplier<T> action) {
        return SentinelBreakers.guarded(resource, action, refused -> new Open());
    }
}
