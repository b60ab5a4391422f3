package io.laxin.gateway.auth;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may use which routes: admin routes need staff — and some of them a particular role (ADMIN holds every role) —,
 * host routes the host backend, other API routes an end user; share links, {@value #PUBLIC_API}** (scans, campaign
 * rules) and API docs are public. Services check again, per operation.
 */
public final class AccessPolicy {

    /** What anyone may call, signed in or not: what a friend's phone calls before they have an account. */
    public static final String PUBLIC_API = "/api/v1/public/";

    public enum Decision {
        ALLOW,
        UNAUTHENTICATED,
        FORBIDDEN,
        ROLE_MISSING
    }

    /**
     * Staff requests matching {@code pattern} (Spring path pattern) — with one of {@code methods}, or any method when
     * empty — need one of {@code anyOf}.
     */
    public record RoleRule(Set<String> methods, String pattern, Set<Role> anyOf) {

        public RoleRule {
            methods = Set.copyOf(methods);
            anyOf = Set.copyOf(anyOf);
        }

        /** {@code /api/v1/admin/finance/**=FINANCE|ADMIN}, or with methods {@code POST,PATCH /api/v1/admin/x/**=OPS}. */
        public static RoleRule parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(
                        "laxin.gateway.access.role-rules: expected [METHODS ]pattern=ROLE|ROLE, " + "got " + spec);
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : spec.substring(eq + 1).split("\\|")) {
                roles.add(Role.valueOf(r.trim()));
            }
            String target = spec.substring(0, eq).trim();
            int space = target.indexOf(' ');
            Set<String> methods = new java.util.TreeSet<>();
            if (space > 0) {
                for (String m : target.substring(0, space).split(",")) {
                    methods.add(m.trim().toUpperCase(java.util.Locale.ROOT));
                }
                target = target.substring(space + 1).trim();
            }
            return new RoleRule(methods, target, roles);
        }
    }

    private record CompiledRule(Set<String> methods, PathPattern pattern, Set<Role> anyOf) {

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
        }
    }

    private final List<CompiledRule> rules;

    public AccessPolicy(List<RoleRule> rules) {
        this.rules = rules.stream()
                .map(r ->
                        new CompiledRule(r.methods(), PathPatternParser.defaultInstance.parse(r.pattern()), r.anyOf()))
                .toList();
    }

    /**
     * Who may make this request. Decided before the body is read, so a caller without the role gets 403 whatever the
     * body holds (never a 400 about it).
     */
    public Decision decide(String method, String path, Caller caller) {
        if (!path.startsWith("/api/") || path.startsWith(PUBLIC_API)) {
            // share links, scans and campaign rules, API docs, health; anything else finds no route (404)
            return Decision.ALLOW;
        }
        CallerKind needed = path.startsWith("/api/v1/admin/")
                ? CallerKind.STAFF
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
                if (rule.matches(method, container) && rule.anyOf().stream().noneMatch(caller.roles()::contains)) {
                    return Decision.ROLE_MISSING;
                }
            }
        }
        return Decision.ALLOW;
    }

    /** The roles the first rule matching the request asks for (for the refusal's message). */
    public Set<Role> rolesFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream()
                .filter(r -> r.matches(method, container))
                .findFirst()
                .map(CompiledRule::anyOf)
                .orElse(Set.of());
    }
}
