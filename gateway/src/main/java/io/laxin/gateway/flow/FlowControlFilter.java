package io.laxin.gateway.flow;

import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.ResourceTypeConstants;
import com.alibaba.csp.sentinel.adapter.gateway.common.SentinelGatewayConstants;
import com.alibaba.csp.sentinel.adapter.gateway.common.param.GatewayParamParser;
import com.alibaba.csp.sentinel.adapter.gateway.sc.ServerWebExchangeItemParser;
import com.alibaba.csp.sentinel.adapter.reactor.ContextConfig;
import com.alibaba.csp.sentinel.adapter.reactor.EntryConfig;
import com.alibaba.csp.sentinel.adapter.reactor.SentinelReactorTransformer;
import io.laxin.gateway.routing.IdentityGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sentinel around every routed call, after the caller is known: first the route's entry (its QPS limits, per route
 * and per caller — gateway parameter rules), then the downstream service's entry (its circuit breaker), which counts
 * a 5xx answer, a refused connection or a timeout as a failure. A refusal surfaces as a Sentinel
 * {@code BlockException}, which {@code GatewayErrorHandler} answers 429 or 503 with {@code Retry-After}.
 */
public class FlowControlFilter implements GlobalFilter, Ordered {

    /** Marks a 5xx answer as a failure for the breaker without failing the exchange. */
    static final class DownstreamFailed extends RuntimeException {
        DownstreamFailed() {
            super(null, null, false, false);
        }
    }

    private final GatewayParamParser<ServerWebExchange> params =
            new GatewayParamParser<>(new ServerWebExchangeItemParser());

    @Override
    public int getOrder() {
        return IdentityGlobalFilter.ORDER + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String routeId = route.getId();
        Object service = route.getMetadata().get("service");
        Mono<Void> call = chain.filter(exchange);
        if (service != null) {
            call = call.then(Mono.defer(
                            () -> failed(exchange) ? Mono.<Void>error(new DownstreamFailed()) : Mono.<Void>empty()))
                    .transform(new SentinelReactorTransformer<>(
                            new EntryConfig(FlowRules.SERVICE_RESOURCE_PREFIX + service, EntryType.OUT)))
                    .onErrorResume(DownstreamFailed.class, e -> Mono.empty());
        }
        Object[] args = params.parseParameterFor(
                routeId, exchange, r -> r.getResourceMode() == SentinelGatewayConstants.RESOURCE_MODE_ROUTE_ID);
        return call.transform(new SentinelReactorTransformer<>(new EntryConfig(
                routeId,
                ResourceTypeConstants.COMMON_API_GATEWAY,
                EntryType.IN,
                1,
                args,
                new ContextConfig(SentinelGatewayConstants.GATEWAY_CONTEXT_ROUTE_PREFIX + routeId, ""))));
    }

    private static boolean failed(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status != null && status.is5xxServerError();
    }
}
