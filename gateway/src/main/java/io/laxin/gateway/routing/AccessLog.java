package io.laxin.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per request, written when the response is committed: request id, method, path (never the query,
 * which may carry personal data), route id, status, latency in ms, caller kind. Never a token, key or caller id.
 */
final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("io.laxin.gateway.access");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccessLog() {}

    static void write(ServerWebExchange exchange) {
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info(line(exchange));
    }

    static String line(ServerWebExchange exchange) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", exchange.getAttribute(io.laxin.gateway.error.ProblemWriter.REQUEST_ID_ATTRIBUTE));
        line.put("method", exchange.getRequest().getMethod().name());
        line.put("path", exchange.getRequest().getPath().value());
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        line.put("route", route == null ? null : route.getId());
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        line.put("status", status == null ? 200 : status.value());
        Long started = exchange.getAttribute(AuthenticationWebFilter.STARTED_ATTRIBUTE);
        line.put("ms", started == null ? null : (System.nanoTime() - started) / 1_000_000.0);
        line.put("caller", AuthenticationWebFilter.caller(exchange).kind().name());
        return JSON.writeValueAsString(line);
    }
}
