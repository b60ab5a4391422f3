package io.laxin.invite.referral.infra;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.degrade.circuitbreaker.CircuitBreakerStrategy;
import io.laxin.kernel.config.SentinelLogs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Sentinel circuit breaker around the call to antifraud-service ({@code laxin.invite.screening-breaker.*}): opens
 * when at least {@code error-ratio} of the calls in a 10 s window failed, or 80 % were slower than {@code slow-ms},
 * once {@code min-requests} calls were seen; stays open {@code open-seconds}; then lets one trial call through.
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

    ScreeningBreaker(@Value("${laxin.invite.screening-breaker.resource:invite-antifraud-screening}") String resource,
                     @Value("${laxin.invite.screening-breaker.error-ratio:0.5}") double errorRatio,
                     @Value("${laxin.invite.screening-breaker.slow-ms:600}") int slowMs,
                     @Value("${laxin.invite.screening-breaker.open-seconds:10}") int openSeconds,
                     @Value("${laxin.invite.screening-breaker.min-requests:10}") int minRequests,
                     @Value("${laxin.invite.screening-breaker.log-dir:${java.io.tmpdir}/laxin-sentinel-logs}")
                     String logDir) {
        this.resource = resource;
        SentinelLogs.directTo(Path.of(logDir));
        configure(errorRatio, slowMs, openSeconds, minRequests);
    }

    /** (Re)loads the rules, which also closes the breaker. Other resources' rules stay (the rule manager is JVM-wide). */
    final void configure(double errorRatio, int slowMs, int openSeconds, int minRequests) {
        DegradeRule errors = new DegradeRule(resource);
        errors.setGrade(CircuitBreakerStrategy.ERROR_RATIO.getType());
        errors.setCount(errorRatio);
        errors.setTimeWindow(openSeconds);
        errors.setMinRequestAmount(minRequests);
        errors.setStatIntervalMs(10_000);
        DegradeRule slow = new DegradeRule(resource);
        slow.setGrade(CircuitBreakerStrategy.SLOW_REQUEST_RATIO.getType());
        slow.setCount(slowMs);
        slow.setSlowRatioThreshold(0.8);
        slow.setTimeWindow(openSeconds);
        slow.setMinRequestAmount(minRequests);
        slow.setStatIntervalMs(10_000);
        DegradeRuleManager.loadRules(Stream.concat(DegradeRuleManager.getRules().stream()
                .filter(r -> !resource.equals(r.getResource())), Stream.of(errors, slow)).toList());
    }

    <T> T call(Supplier<T> action) {
        Entry entry;
        try {
            entry = SphU.entry(resource);
        } catch (BlockException e) {
            throw new Open();
        }
        try {
            return action.get();
        } catch (RuntimeException e) {
            Tracer.traceEntry(e, entry);
            throw e;
        } finally {
            entry.exit();
        }
    }
}
