package io.laxin.gateway.routing;

import io.laxin.gateway.auth.HostSignatures;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.web.RequestIds;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * For every routed request: drop any identity headers and credentials the client sent, and name the caller that
 * {@link AuthenticationWebFilter} verified (the flow-control filter limits per caller by it);
 * {@link InternalSignatureFilter} signs it last, for the request as it is forwarded. Error answers of the service
 * without a problem body are wrapped into one ({@link DownstreamProblems}).
 */
@Component
public class IdentityGlobalFilter implements GlobalFilter, Ordered {

    /** Before the flow-control filter (it limits per caller, read from the caller header set here). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Caller caller = AuthenticationWebFilter.caller(exchange);
        String requestId = exchange.getAttribute(io.laxin.gateway.error.ProblemWriter.REQUEST_ID_ATTRIBUTE);
        ServerHttpRequest forwarded = request.mutate()
                .headers(h -> {
                    IdentityHeaders.ALL.forEach(h::remove);
                    h.remove(HttpHeaders.AUTHORIZATION);
                    h.remove(HostSignatures.API_KEY);
                    h.remove(HostSignatures.SIGNATURE);
                    h.remove(HostSignatures.NONCE);
                    h.remove(HostSignatures.TIMESTAMP);
                    h.set(IdentityHeaders.CALLER, IdentityHeaders.callerValue(caller));
                    h.set(IdentityHeaders.ROLES, IdentityHeaders.rolesValue(caller));
                    if (requestId != null) {
                        h.set(RequestIds.HEADER, requestId);
                    }
                })
                .build();
        return chain.filter(exchange.mutate()
                .request(forwarded)
                .response(new DownstreamProblems(exchange))
                .build());
    }
}
