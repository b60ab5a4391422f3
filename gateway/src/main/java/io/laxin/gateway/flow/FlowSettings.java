package io.laxin.gateway.flow;

import java.util.Map;
import java.util.TreeMap;

/**
 * The flow rules in force: limits per route and a circuit breaker per downstream service. Also the JSON body of the
 * admin endpoint. A limit of 0 means "no limit".
 */
public record FlowSettings(Map<String, RouteLimits> routes, Map<String, Breaker> services) {

    public FlowSettings {
        routes = routes == null ? Map.of() : Map.copyOf(new TreeMap<>(routes));
        services = services == null ? Map.of() : Map.copyOf(new TreeMap<>(services));
        routes.forEach((id, r) -> r.check(id));
        services.forEach((id, b) -> b.check(id));
    }

    public static FlowSettings none() {
        return new FlowSettings(Map.of(), Map.of());
    }

    /**
     * @param qps         requests per second over the whole route
     * @param perUserQps  requests per second of one end user or staff member on this route
     * @param perKeyQps   requests per second of one host API key on this route
     * @param perIpQps    requests per second from one client address (anonymous share links)
     * @param burst       extra requests allowed above the per-second limits
     */
    public record RouteLimits(Double qps, Double perUserQps, Double perKeyQps, Double perIpQps, Integer burst) {

        public RouteLimits {
            qps = qps == null ? 0 : qps;
            perUserQps = perUserQps == null ? 0 : perUserQps;
            perKeyQps = perKeyQps == null ? 0 : perKeyQps;
            perIpQps = perIpQps == null ? 0 : perIpQps;
            burst = burst == null ? 0 : burst;
        }

        void check(String route) {
            if (qps < 0 || perUserQps < 0 || perKeyQps < 0 || perIpQps < 0 || burst < 0) {
                throw new IllegalArgumentException("Limits of route " + route + " must not be negative");
            }
        }
    }

    /**
     * Opens when, within {@code statIntervalSeconds}, at least {@code minRequests} calls were made and at least
     * {@code errorRatio} of them failed (5xx, no answer, timeout); stays open {@code openSeconds}, then lets one probe
     * through and closes when it succeeds. Defaults: 0.5, 20, 10 s, 10 s.
     */
    public record Breaker(Double errorRatio, Integer minRequests, Integer statIntervalSeconds, Integer openSeconds) {

        public Breaker {
            errorRatio = errorRatio == null ? 0.5 : errorRatio;
            minRequests = minRequests == null ? 20 : minRequests;
            statIntervalSeconds = statIntervalSeconds == null ? 10 : statIntervalSeconds;
            openSeconds = openSeconds == null ? 10 : openSeconds;
        }

        void check(String service) {
            if (errorRatio <= 0 || errorRatio > 1 || minRequests < 1 || statIntervalSeconds < 1 || openSeconds < 1) {
                throw new IllegalArgumentException("Breaker of " + service + ": errorRatio in (0, 1], minRequests, "
                        + "statIntervalSeconds and openSeconds at least 1");
            }
        }
    }
}
