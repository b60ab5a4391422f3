package io.laxin.kernel.identity;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The verified identity of a request. Controllers take it as a parameter and state what they require. */
public record Caller(CallerKind kind, String id, Set<Role> roles) {

    public Caller {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller user(String id) {
        return new Caller(CallerKind.USER, id, Set.of());
    }

    public static Caller service(String name) {
        return new Caller(CallerKind.SERVICE, name, Set.of());
    }

    public static Caller staff(String id, Role... roles) {
        return new Caller(CallerKind.STAFF, id, Set.of(roles));
    }

    public static Caller host(String keyId) {
        return new Caller(CallerKind.HOST, keyId, Set.of());
    }

    public static Caller anonymous() {
        return new Caller(CallerKind.ANONYMOUS, "-", Set.of());
    }

    /** The end user's id, or 403 when the caller is not an end user. */
    public String requireUser() {
        requireKind(CallerKind.USER);
        return id;
    }

    public Caller requireKind(CallerKind... allowed) {
        if (Arrays.asList(allowed).contains(kind)) {
            return this;
        }
        throw new LaxinException(
                CommonErrorCode.FORBIDDEN,
                "This operation is for " + Arrays.toString(allowed) + " callers, not " + kind);
    }

    /** Staff holding one of the roles (ADMIN holds every role), or 403. */
    public Caller requireStaff(Role... anyOf) {
        if (kind == CallerKind.STAFF
                && (roles.contains(Role.ADMIN) || Arrays.stream(anyOf).anyMatch(roles::contains))) {
            return this;
        }
        throw new LaxinException(
                CommonErrorCode.FORBIDDEN, "This operation needs one of the staff roles " + Arrays.toString(anyOf));
    }

    /** Staff with one of the roles, or an internal service. */
    public Caller requireStaffOrService(Role... anyOf) {
        return kind == CallerKind.SERVICE ? this : requireStaff(anyOf);
    }

    String rolesHeader() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
