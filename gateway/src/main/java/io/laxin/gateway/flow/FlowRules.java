package io.laxin.gateway.flow;

import com.alibaba.csp.sentinel.adapter.gateway.common.SentinelGatewayConstants;
import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayFlowRule;
import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayParamFlowItem;
import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayRuleManager;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import io.laxin.kernel.identity.IdentityHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns {@link FlowSettings} into Sentinel rules and loads them. Sentinel keeps rules and counters in static state:
 * every load first clears what was there, so counters and breaker states start afresh.
 *
 * <p>Per-caller limits are gateway parameter rules on the signed {@code X-Laxin-Caller} header, which the gateway
 * sets after authentication (a client's copy is dropped): {@code USER:}/{@code STAFF:} values per user,
 * {@code HOST:} values per API key.
 */
public class FlowRules {

    /** Resource of a downstream service's circuit breaker. */
    public static final String SERVICE_RESOURCE_PREFIX = "service:";

    private final FlowSettings configured;
    private volatile FlowSettings current = FlowSettings.none();

    public FlowRules(FlowSettings configured) {
        this.configured = configured;
    }

    public FlowSettings current() {
        return current;
    }

    /** Back to the rules in configuration. */
    public void reset() {
        apply(configured);
    }

    public synchronized void apply(FlowSettings settings) {
        List<DegradeRule> mine = degradeRules(settings);
        Set<String> own = new HashSet<>();
        mine.forEach(r -> own.add(r.getResource()));
        if (current != null) {
            degradeRules(current).forEach(r -> own.add(r.getResource()));
        }
        // Sentinel's degrade rules are JVM-wide: keep other components' (the local run hosts the services too)
        List<DegradeRule> others = DegradeRuleManager.getRules().stream()
                .filter(r -> !own.contains(r.getResource()))
                .toList();
        GatewayRuleManager.loadRules(Set.of());
        DegradeRuleManager.loadRules(others);
        GatewayRuleManager.loadRules(gatewayRules(settings));
        List<DegradeRule> all = new java.util.ArrayList<>(others);
        all.addAll(mine);
        DegradeRuleManager.loadRules(all);
        current = settings;
    }

    static Set<GatewayFlowRule> gatewayRules(FlowSettings settings) {
        Set<GatewayFlowRule> rules = new HashSet<>();
        settings.routes().forEach((route, limits) -> {
            if (limits.qps() > 0) {
                rules.add(rule(route, limits.qps(), limits.burst()));
            }
            if (limits.perUserQps() > 0) {
                rules.add(rule(route, limits.perUserQps(), limits.burst())
                        .setParamItem(new GatewayParamFlowItem()
                                .setParseStrategy(SentinelGatewayConstants.PARAM_PARSE_STRATEGY_HEADER)
                                .setFieldName(IdentityHeaders.CALLER)
                                .setPattern("^(USER|STAFF):.*")
                                .setMatchStrategy(SentinelGatewayConstants.PARAM_MATCH_STRATEGY_REGEX)));
            }
            if (limits.perKeyQps() > 0) {
                rules.add(rule(route, limits.perKeyQps(), limits.burst())
                        .setParamItem(new GatewayParamFlowItem()
                                .setParseStrategy(SentinelGatewayConstants.PARAM_PARSE_STRATEGY_HEADER)
                                .setFieldName(IdentityHeaders.CALLER)
                                .setPattern("HOST:")
                                .setMatchStrategy(SentinelGatewayConstants.PARAM_MATCH_STRATEGY_PREFIX)));
            }
            if (limits.perIpQps() > 0) {
                rules.add(rule(route, limits.perIpQps(), limits.burst())
                        .setParamItem(new GatewayParamFlowItem()
                                .setParseStrategy(SentinelGatewayConstants.PARAM_PARSE_STRATEGY_CLIENT_IP)));
            }
        });
        return rules;
    }

    private static GatewayFlowRule rule(String route, double count, int burst) {
        return new GatewayFlowRule(route)
                .setResourceMode(SentinelGatewayConstants.RESOURCE_MODE_ROUTE_ID)
                .setGrade(RuleConstant.FLOW_GRADE_QPS)
                .setCount(count)
                .setIntervalSec(1)
                .setBurst(burst);
    }

    static List<DegradeRule> degradeRules(FlowSettings settings) {
        List<DegradeRule> rules = new ArrayList<>();
        settings.services().forEach((service, b) -> {
            DegradeRule rule = new DegradeRule(SERVICE_RESOURCE_PREFIX + service);
            rule.setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO);
            rule.setCount(b.errorRatio());
            rule.setMinRequestAmount(b.minRequests());
            rule.setStatIntervalMs(b.statIntervalSeconds() * 1000);
            rule.setTimeWindow(b.openSeconds());
            rules.add(rule);
        });
        return rules;
    }
}
