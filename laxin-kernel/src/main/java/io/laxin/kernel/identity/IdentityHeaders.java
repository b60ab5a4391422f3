package io.laxin.kernel.identity;

import java.util.List;

/**
 * Headers by which the gateway tells a service who is calling. The gateway strips any incoming copies and adds its
 * own, signed with the internal secret; services accept a request only with a valid signature.
 */
public final class IdentityHeaders {

    public static final String CALLER = "X-Laxin-Caller";
    public static final String ROLES = "X-Laxin-Roles";
    public static final String TIMESTAMP = "X-Laxin-Timestamp";
    public static final String SIGNATURE = "X-Laxin-Signature";

    public static final List<String> ALL = List.of(CALLER, ROLES, TIMESTAMP, SIGNATURE);

    private IdentityHeaders() {
    }
}
