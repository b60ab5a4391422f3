package io.laxin.gateway.routing;

import io.laxin.gateway.error.GatewayErrorCode;
import io.laxin.gateway.error.ProblemWriter;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.InternalRequest;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signs the caller of every routed request with the gateway's Ed25519 key (ADR 0007), last, over the request as it
 * is forwarded: method, path and query after the route's filters (the URL the request is sent to), the digest of the
 * body (read once, at most {@code laxin.gateway.max-body} or the route's {@code metadata.max-body}, else 413), the
 * route's service ({@code metadata.service}), caller, roles, timestamp and a fresh nonce.
 */
@Component
public class InternalSignatureFilter implements GlobalFilter, org.springframework.core.Ordered {

    /** After the URL to forward to is known (and after a load balancer would have chosen the instance). */
    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 200;

    static final String SERVICE = "service";
    static final String MAX_BODY = "max-body";

    private final IdentitySigner signer;
    private final DataSize maxBody;

    public InternalSignatureFilter(ObjectProvider<IdentitySigner> signer, RoutingProperties properties) {
        this.signer = signer.getIfAvailable(() -> {
            throw new IllegalStateException("laxin.identity.private-key (env LAXIN_GATEWAY_PRIVATE_KEY) is not set: "
                    + "the gateway signs the identity it forwards with its own Ed25519 key");
        });
        this.maxBody = properties.maxBody();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (route == null || url == null) {
            return chain.filter(exchange);
        }
        Object service = route.getMetadata().get(SERVICE);
        String target = service == null ? route.getId() : service.toString();
        Object routeMax = route.getMetadata().get(MAX_BODY);
        int max = (int) Math.min(
                Integer.MAX_VALUE, (routeMax == null ? maxBody : DataSize.parse(routeMax.toString())).toBytes());
        ServerHttpRequest request = exchange.getRequest();
        return RequestBodies.read(request, max)
                .flatMap(body -> {
                    var signed = signer.sign(
                            AuthenticationWebFilter.caller(exchange),
                            new InternalRequest(
                                    request.getMethod().name(), url.getRawPath(), url.getRawQuery(), body, target));
                    ServerHttpRequest forwarded = RequestBodies.replaying(
                            request.mutate()
                                    .headers(h -> {
                                        IdentityHeaders.ALL.forEach(h::remove);
                                        signed.forEach(h::set);
                                    })
                                    .build(),
                            body);
                    return chain.filter(exchange.mutate().request(forwarded).build());
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> ProblemWriter.write(
                                exchange,
                                GatewayErrorCode.BODY_TOO_LARGE,
                                "The body may be at most " + max + " bytes on this route"));
    }
}
