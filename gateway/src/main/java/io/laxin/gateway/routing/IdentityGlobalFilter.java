package io.laxin.gateway.routing;

import io.laxin.gateway.auth.AccessPolicy;
import io.laxin.gateway.auth.HostApiKeys;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.gateway.error.ProblemWriter;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.Set;

/**
 * For every routed request: give it a request id, drop any identity headers the client sent, establish who is
 * calling (user / staff JWT, host API key, or anonymous), apply the route's access policy, and pass the verified
 * identity on as headers signed with the internal secret.
 */
@Component
public class IdentityGlobalFilter implements GlobalFilter, Ordered {

    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final Logger log = LoggerFactory.getLogger(IdentityGlobalFilter.class);

    private final JwtTokens tokens;
    private final HostApiKeys hostKeys;
    private final IdentitySigner signer;

    public IdentityGlobalFilter(JwtTokens tokens, HostApiKeys hostKeys, IdentitySigner signer) {
        this.tokens = tokens;
        this.hostKeys = hostKeys;
        this.signer = signer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(ProblemWriter.REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        String path = request.getPath().value();

        Caller caller;
        try {
            caller = authenticate(request.getHeaders());
        } catch (JwtTokens.Rejected e) {
            return ProblemWriter.write(exchange, CommonErrorCode.UNAUTHENTICATED, e.getMessage());
        }
        switch (AccessPolicy.decide(path, caller)) {
            case UNAUTHENTICATED -> {
                return ProblemWriter.write(exchange, CommonErrorCode.UNAUTHENTICATED,
                        "Send a bearer token (end users, staff) or an X-Api-Key (host backend)");
            }
            case FORBIDDEN -> {
                return ProblemWriter.write(exchange, CommonErrorCode.FORBIDDEN,
                        "A " + caller.kind() + " caller may not use " + path);
            }
            case ALLOW -> {
                // go on
            }
        }
        var signed = signer.sign(caller, request.getMethod().name(), request.getURI().getRawPath());
        ServerHttpRequest forwarded = request.mutate().headers(h -> {
            IdentityHeaders.ALL.forEach(h::remove);
            h.remove(HttpHeaders.AUTHORIZATION);
            h.remove(API_KEY_HEADER);
            signed.forEach(h::set);
            h.set(RequestIds.HEADER, requestId);
        }).build();
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(forwarded).build()).doFinally(signal -> log.info(
                "{\"requestId\":\"{}\",\"method\":\"{}\",\"path\":\"{}\",\"status\":{},\"ms\":{},\"caller\":\"{}\"}",
                requestId, request.getMethod().name(), path,
                exchange.getResponse().getStatusCode() == null ? 0 : exchange.getResponse().getStatusCode().value(),
                (System.nanoTime() - started) / 1_000_000, caller.kind()));
    }

    private Caller authenticate(HttpHeaders headers) throws JwtTokens.Rejected {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new JwtTokens.Rejected("Authorization must be 'Bearer <token>'");
            }
            JwtTokens.Verified v = tokens.verify(authorization.substring(7).trim());
            if (v.roles().isEmpty()) {
                return Caller.user(v.subject());
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : v.roles()) {
                try {
                    roles.add(Role.valueOf(r));
                } catch (IllegalArgumentException unknownRole) {
                    // roles Laxin does not know grant nothing
                }
            }
            return roles.isEmpty() ? Caller.user(v.subject())
                    : new Caller(CallerKind.STAFF, v.subject(), roles);
        }
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (apiKey != null) {
            return hostKeys.identify(apiKey).map(Caller::host)
                    .orElseThrow(() -> new JwtTokens.Rejected("Unknown API key"));
        }
        return Caller.anonymous();
    }
}
