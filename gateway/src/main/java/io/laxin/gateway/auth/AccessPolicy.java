package io.laxin.gateway.auth;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.Role;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may use which routes: admin routes need staff — and some of them a particular role (ADMIN holds every role) —,
 * host routes the host backend, other API routes an end user; share links and API docs are public. Services check
 * again, per operation.
 */
public final class AccessPolicy {

    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN, ROLE_MISSING }

    /** Staff routes matching {@code pattern} (Spring path pattern) need one of {@code anyOf}. */
    public record RoleRule(String pattern, Set<Role> anyOf) {

        public RoleRule {
            anyOf = Set.copyOf(anyOf);
        }

        /** {@code /api/v1/admin/finance/**=FINANCE|ADMIN}. */
        public static RoleRule parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("laxin.gateway.access.role-rules: expected pattern=ROLE|ROLE, got "
                        + spec);
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : spec.substring(eq + 1).split("\\|")) {
                roles.add(Role.valueOf(r.trim()));
            }
            return new RoleRule(spec.substring(0, eq).trim(), roles);
        }
    }

    private record CompiledRule(PathPattern pattern, Set<Role> anyOf) {
    }

    private final List<CompiledRule> rules;

    public AccessPolicy(List<RoleRule> rules) {
        this.rules = rules.stream()
                .map(r -> new CompiledRule(PathPatternParser.defaultInstance.parse(r.pattern()), r.anyOf())).toList();
    }

    public Decision decide(String path, Caller caller) {
        if (!path.startsWith("/api/")) {
            // share links, API docs, health; anything else finds no route (404)
            return Decision.ALLOW;
        }
        CallerKind needed = path.startsWith("/api/v1/admin/") ? CallerKind.STAFF
                : path.startsWith("/api/v1/host/") ? CallerKind.HOST : CallerKind.USER;
        if (caller.kind() == CallerKind.ANONYMOUS) {
            return Decision.UNAUTHENTICATED;
        }
        if (caller.kind() != needed) {
            return Decision.FORBIDDEN;
        }
        if (needed == CallerKind.STAFF && !caller.roles().contains(Role.ADMIN)) {
            PathContainer container = PathContainer.parsePath(path);
            for (CompiledRule rule : rules) {
                if (rule.pattern().matches(container) && rule.anyOf().stream().noneMatch(caller.roles()::contains)) {
                    return Decision.ROLE_MISSING;
                }
            }
        }
        return Decision.ALLOW;
    }

    /** The roles the first rule matching {@code path} asks for (for the refusal's message). */
    public Set<Role> rolesFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream().filter(r -> r.pattern().matches(container)).findFirst().map(CompiledRule::anyOf)
                .orElse(Set.of());
    }
}
