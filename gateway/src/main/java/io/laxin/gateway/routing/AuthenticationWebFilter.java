package io.laxin.gateway.routing;

import io.laxin.gateway.auth.AccessPolicy;
import io.laxin.gateway.auth.GatewayAuthProperties;
import io.laxin.gateway.auth.HostRequests;
import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.gateway.auth.RequestPaths;
import io.laxin.gateway.error.GatewayErrorCode;
import io.laxin.gateway.error.ProblemWriter;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.web.RequestIds;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs first for every request (after CORS): gives it a request id, writes one JSON access-log line when the
 * response is committed, establishes who is calling (bearer JWT → user or staff; signed host call → host; nothing →
 * anonymous) and applies the route's access policy. The verified {@link Caller} is left in the exchange for the
 * routing filters (and the gateway's own admin endpoints).
 */
@Component
public class AuthenticationWebFilter implements WebFilter, Ordered {

    public static final String CALLER_ATTRIBUTE = Caller.class.getName();
    static final String STARTED_ATTRIBUTE = AuthenticationWebFilter.class.getName() + ".started";

    private final JwtTokens tokens;
    private final HostRequests hosts;
    private final AccessPolicy policy;
    private final int hostMaxBody;

    public AuthenticationWebFilter(
            JwtTokens tokens, HostRequests hosts, AccessPolicy policy, GatewayAuthProperties properties) {
        this.tokens = tokens;
        this.hosts = hosts;
        this.policy = policy;
        this.hostMaxBody = (int) properties.hostMaxBody().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** The verified caller of this exchange (anonymous before authentication). */
    public static Caller caller(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(CALLER_ATTRIBUTE);
        return caller == null ? Caller.anonymous() : caller;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(ProblemWriter.REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getAttributes().put(STARTED_ATTRIBUTE, System.nanoTime());
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        exchange.getResponse().beforeCommit(() -> {
            AccessLog.write(exchange);
            return Mono.empty();
        });
        return authenticate(exchange)
                .flatMap(authenticated -> authorize(authenticated, chain))
                .onErrorResume(JwtTokens.Rejected.class, r -> ProblemWriter.write(exchange, r.code(), r.getMessage()));
    }

    private Mono<Void> authorize(ServerWebExchange exchange, WebFilterChain chain) {
        Caller caller = caller(exchange);
        // decide on the path as it is routed (decoded), never on its raw spelling
        java.util.Optional<String> canonical =
                RequestPaths.canonical(exchange.getRequest().getPath().value());
        if (canonical.isEmpty()) {
            return ProblemWriter.write(
                    exchange,
                    CommonErrorCode.VALIDATION_FAILED,
                    "The path is not in canonical "
                            + "form: no encoded slash, backslash or percent sign, no empty, '.' or '..' segment");
        }
        String path = canonical.get();
        String method = exchange.getRequest().getMethod().name();
        return switch (policy.decide(method, path, caller)) {
            case UNAUTHENTICATED ->
                ProblemWriter.write(
                        exchange,
                        CommonErrorCode.UNAUTHENTICATED,
                        "Send a bearer token (end users, staff) or a signed X-Api-Key call (host backend)");
            case FORBIDDEN ->
                ProblemWriter.write(
                        exchange, CommonErrorCode.FORBIDDEN, "A " + caller.kind() + " caller may not use " + path);
            case ROLE_MISSING ->
                ProblemWriter.write(
                        exchange,
                        GatewayErrorCode.ROLE_REQUIRED,
                        method + " " + path + " needs one of the staff roles " + policy.rolesFor(method, path)
                                + " (or ADMIN)");
            case ALLOW -> chain.filter(exchange);
        };
    }

    /** The exchange to go on with (a host call's body is read once and replayed), with the caller attribute set. */
    private Mono<ServerWebExchange> authenticate(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Mono.error(new JwtTokens.Rejected("Authorization must be 'Bearer <token>'"));
            }
            String token = authorization.substring(7).trim();
            Mono<Caller> caller = Mono.fromCallable(() -> fromToken(tokens.verify(token)));
            if (tokens.remote()) {
                // a JWKS fetch (rare: keys are cached) must not block the event loop
                caller = caller.subscribeOn(Schedulers.boundedElastic());
            }
            return caller.map(c -> withCaller(exchange, c));
        }
        String keyId = headers.getFirst(HostSignatures.API_KEY);
        if (keyId != null) {
            return readBody(exchange).flatMap(body -> {
                ServerHttpRequest request = exchange.getRequest();
                String query = request.getURI().getRawQuery();
                String pathAndQuery = request.getURI().getRawPath() + (query == null ? "" : "?" + query);
                return hosts.verify(
                                keyId,
                                headers.getFirst(HostSignatures.TIMESTAMP),
                                headers.getFirst(HostSignatures.NONCE),
                                headers.getFirst(HostSignatures.SIGNATURE),
                                request.getMethod().name(),
                                pathAndQuery,
                                body)
                        .map(c -> withCaller(
                                exchange.mutate()
                                        .request(RequestBodies.replaying(request, body))
                                        .build(),
                                c));
            });
        }
        return Mono.just(withCaller(exchange, Caller.anonymous()));
    }

    private static ServerWebExchange withCaller(ServerWebExchange exchange, Caller caller) {
        exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
        return exchange;
    }

    private static Caller fromToken(JwtTokens.Verified v) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : v.roles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException unknownRole) {
                // roles Laxin does not know grant nothing
            }
        }
        return roles.isEmpty() ? Caller.user(v.subject()) : new Caller(CallerKind.STAFF, v.subject(), roles);
    }

    /** The whole body (bounded), copied out of the pooled buffers so it can be hashed and replayed. */
    private Mono<byte[]> readBody(ServerWebExchange exchange) {
        return RequestBodies.read(exchange.getRequest(), hostMaxBody)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new JwtTokens.Rejected(
                                GatewayErrorCode.BODY_TOO_LARGE,
                                "A host call's body may be at most " + hostMaxBody + " bytes"));
    }
}
