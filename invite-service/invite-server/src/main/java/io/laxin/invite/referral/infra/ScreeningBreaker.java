package io.laxin.invite.referral.infra;

import io.laxin.kernel.config.SentinelBreakers;
import io.laxin.kernel.config.SentinelLogs;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
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

    ScreeningBreaker(
            @Value("${laxin.invite.screening-breaker.resource:invite-antifraud-screening}") String resource,
            @Value("${laxin.invite.screening-breaker.error-ratio:0.5}") double errorRatio,
            @Value("${laxin.invite.screening-breaker.slow-ms:600}") int slowMs,
            @Value("${laxin.invite.screening-breaker.open-seconds:10}") int openSeconds,
            @Value("${laxin.invite.screening-breaker.min-requests:10}") int minRequests,
            @Value("${laxin.invite.screening-breaker.log-dir:${java.io.tmpdir}/laxin-sentinel-logs}") String logDir) {
        this.resource = resource;
        SentinelLogs.directTo(Path.of(logDir));
        configure(errorRatio, slowMs, openSeconds, minRequests);
    }

    /** (Re)loads the rules, which also closes the breaker. Other resources' rules stay (the rule manager is JVM-wide). */
    final void configure(double errorRatio, int slowMs, int openSeconds, int minRequests) {
        SentinelBreakers.load(resource, errorRatio, slowMs, openSeconds, minRequests);
    }

    <T> T call(Supplier<T> action) {
        return SentinelBreakers.guarded(resource, action, refused -> new Open());
    }
}
