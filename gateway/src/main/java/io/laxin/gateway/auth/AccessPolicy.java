package io.laxin.gateway.auth;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;

/**
 * Who may use which routes: admin routes need staff, host routes the host backend, other API routes an end user;
 * share links and API docs are public. Services check again, per operation (roles per endpoint).
 */
public final class AccessPolicy {

    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    private AccessPolicy() {
    }

    public static Decision decide(String path, Caller caller) {
        if (path.startsWith("/s/") || path.startsWith("/v3/api-docs")) {
            return Decision.ALLOW;
        }
        CallerKind needed = path.startsWith("/api/v1/admin/") ? CallerKind.STAFF
                : path.startsWith("/api/v1/host/") ? CallerKind.HOST : CallerKind.USER;
        if (caller.kind() == CallerKind.ANONYMOUS) {
            return Decision.UNAUTHENTICATED;
        }
        return caller.kind() == needed ? Decision.ALLOW : Decision.FORBIDDEN;
    }
}
