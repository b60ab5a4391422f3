package io.laxin.standalone;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.laxin.gateway.auth.JwtTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The local run's stand-in for the brand's identity provider: the console's sign-in page lists these demo staff and
 * gets a token for the one picked, and the H5 invite page does the same for demo end users (the brand's app would
 * open it with the user's token instead). Added to the gateway only by {@link LaxinSuite} when asked (the one-command run
 * and the console's browser tests), never part of the gateway itself; the tokens are signed with the JWT secret the
 * local run makes up at each start.
 */
@Configuration(proxyBeanMethods = false)
class DemoLogin {

    static final Duration TOKEN_TTL = Duration.ofHours(8);

    /** An operator, two finance people (so four-eyes approval can be shown) and an admin. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("ops-wang", "王芳 Wang Fang", List.of("OPS")),
            new DemoUser("fin-li", "李娜 Li Na", List.of("FINANCE")),
            new DemoUser("fin-zhang", "张伟 Zhang Wei", List.of("FINANCE")),
            new DemoUser("admin-chen", "陈静 Chen Jing", List.of("ADMIN")));

    /** End users of the brand's app, as the local run's walkthrough knows them (alice invites, bob is invited). */
    static final List<DemoEndUser> END_USERS =
            List.of(new DemoEndUser("alice", "Alice 爱丽丝"), new DemoEndUser("bob", "Bob 鲍勃"));

    record DemoUser(String id, String name, List<String> roles) {}

    record DemoEndUser(String id, String name) {}

    record LoginRequest(String userId) {}

    @Bean
    @Order(-10)
    RouterFunction<ServerResponse> demoLoginRouter(JwtTokens tokens, Clock clock) {
        return RouterFunctions.route(GET("/console/demo/users"), r -> noStore(USERS))
                .andRoute(
                        POST("/console/demo/login"),
                        r -> r.bodyToMono(LoginRequest.class)
                                .flatMap(login -> USERS.stream()
                                        .filter(u -> u.id().equals(login.userId()))
                                        .findFirst()
                                        .map(u -> noStore(Map.of(
                                                "accessToken",
                                                tokens.mint(u.id(), u.roles(), TOKEN_TTL),
                                                "expiresAt",
                                                clock.instant().plus(TOKEN_TTL).toString(),
                                                "userId",
                                                u.id(),
                                                "name",
                                                u.name(),
                                                "roles",
                                                u.roles())))
                                        .orElseGet(() -> noSuchUser("Pick one of the demo staff"))))
                .andRoute(GET("/h5/demo/users"), r -> noStore(END_USERS))
                .andRoute(
                        POST("/h5/demo/login"),
                        r -> r.bodyToMono(LoginRequest.class)
                                .flatMap(login -> END_USERS.stream()
                                        .filter(u -> u.id().equals(login.userId()))
                                        .findFirst()
                                        .map(u -> noStore(Map.of(
                                                "accessToken",
                                                tokens.mint(u.id(), List.of(), TOKEN_TTL),
                                                "expiresAt",
                                                clock.instant().plus(TOKEN_TTL).toString(),
                                                "userId",
                                                u.id(),
                                                "name",
                                                u.name())))
                                        .orElseGet(() -> noSuchUser("Pick one of the demo end users"))));
    }

    private static Mono<ServerResponse> noStore(Object body) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(body);
    }

    private static Mono<ServerResponse> noSuchUser(String detail) {
        return ServerResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.parseMediaType("application/problem+json"))
                .bodyValue(Map.of("status", 404, "code", "NOT_FOUND", "title", "No such demo user", "detail", detail));
    }
}
