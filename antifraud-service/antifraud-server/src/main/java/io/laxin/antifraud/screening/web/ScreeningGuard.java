package io.laxin.antifraud.screening.web;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import io.laxin.antifraud.AntifraudProperties;
import io.laxin.antifraud.api.AntifraudErrorCode;
import io.laxin.kernel.config.SentinelBreakers;
import io.laxin.kernel.config.SentinelLogs;
import io.laxin.kernel.error.LaxinException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sentinel around the screening endpoint: flow control (QPS) answers 429 SCREENING_OVERLOADED at once, and a circuit
 * breaker on the error ratio and on slow calls answers 503 SCREENING_DEGRADED while open. Callers (invite-service)
 * turn either into REVIEW, never PASS. Sentinel's logs go to {@code laxin.antifraud.sentinel.log-dir} unless the
 * {@code csp.sentinel.log.dir} system property is already set (the build sets it to {@code target/}).
 */
@Component
public class ScreeningGuard {

    private final String resource;

    @Autowired
    public ScreeningGuard(AntifraudProperties properties) {
        this(properties.sentinel());
    }

    private ScreeningGuard(AntifraudProperties.Sentinel s) {
        this(s.resource(), s.qps(), s.errorRatio(), s.slowMs(), s.openSeconds(), s.minRequests(), s.logDir());
    }

    public ScreeningGuard(
            String resource, double qps, double errorRatio, int slowMs, int openSeconds, int minRequests, Path logDir) {
        this.resource = resource;
        SentinelLogs.directTo(logDir);
        configure(qps, errorRatio, slowMs, openSeconds, minRequests);
    }

    /** (Re)loads the rules, e.g. from a test that needs a tiny limit. */
    public final void configure(double qps, double errorRatio, int slowMs, int openSeconds, int minRequests) {
        FlowRule flow = new FlowRule(resource);
        flow.setGrade(RuleConstant.FLOW_GRADE_QPS);
        flow.setCount(qps);
        // Sentinel's rule managers are JVM-wide: keep other resources' rules (the local run hosts the gateway too)
        FlowRuleManager.loadRules(java.util.stream.Stream.concat(
                        FlowRuleManager.getRules().stream().filter(r -> !resource.equals(r.getResource())),
                        java.util.stream.Stream.of(flow))
                .toList());

        SentinelBreakers.load(resource, errorRatio, slowMs, openSeconds, minRequests);
    }

    public <T> T guard(Supplier<T> action) {
        return SentinelBreakers.guarded(
                resource,
                action,
                refused -> refused instanceof DegradeException
                        ? new LaxinException(
                                AntifraudErrorCode.SCREENING_DEGRADED,
                                "Screening is failing or slow; the circuit is open for a few seconds — treat as REVIEW")
                        : new LaxinException(
                                AntifraudErrorCode.SCREENING_OVERLOADED,
                                "Too many screenings at once ("
                                        + refused.getClass().getSimpleName() + ") — retry later or treat as REVIEW"));
    }
}
