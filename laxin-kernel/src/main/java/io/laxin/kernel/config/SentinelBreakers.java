package io.laxin.kernel.config;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.degrade.circuitbreaker.CircuitBreakerStrategy;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The circuit breaker a service puts around one call (Sentinel, needs {@code sentinel-core} on the classpath): it
 * opens when at least {@code errorRatio} of the calls in a 10 s window failed, or 80 % were slower than
 * {@code slowMs}, once {@code minRequests} calls were seen; stays open {@code openSeconds}; then lets one trial call
 * through. Sentinel's rule manager is JVM-wide (the local run hosts every service in one JVM), so loading one
 * resource's rules keeps every other resource's. Loading the rules again also closes the breaker.
 */
public final class SentinelBreakers {

    private SentinelBreakers() {}

    public static void load(String resource, double errorRatio, int slowMs, int openSeconds, int minRequests) {
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
        DegradeRuleManager.loadRules(Stream.concat(
                        DegradeRuleManager.getRules().stream().filter(r -> !resource.equals(r.getResource())),
                        Stream.of(errors, slow))
                .toList());
    }

    /**
     * Runs {@code action} as one call of {@code resource}; its exceptions count as failures. When Sentinel refuses
     * the call (breaker open, flow limit), throws what {@code refused} makes of the refusal instead.
     */
    public static <T> T guarded(
            String resource, Supplier<T> action, Function<BlockException, RuntimeException> refused) {
        Entry entry;
        try {
            entry = SphU.entry(resource);
        } catch (BlockException e) {
            throw refused.apply(e);
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
