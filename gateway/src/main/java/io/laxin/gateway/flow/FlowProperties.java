package io.laxin.gateway.flow;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.gateway.flow.*}: the flow rules the gateway starts with. They can be replaced at run time through
 * {@code PUT /api/v1/admin/gateway/flow-rules} (ADMIN); a restart goes back to these.
 *
 * @param enabled  false switches Sentinel off entirely (no entries, no rules)
 * @param logDir   where Sentinel writes its own logs (never {@code ~/logs})
 * @param routes   route id → its limits
 * @param services downstream service (a route's {@code service} metadata) → its circuit breaker
 */
@ConfigurationProperties("laxin.gateway.flow")
public record FlowProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(".laxin-data/logs") String logDir,
        @DefaultValue Map<String, FlowSettings.RouteLimits> routes,
        @DefaultValue Map<String, FlowSettings.Breaker> services) {

    public FlowSettings settings() {
        return new FlowSettings(routes, services);
    }
}
