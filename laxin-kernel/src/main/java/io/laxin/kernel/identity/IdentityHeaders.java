package io.laxin.kernel.identity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Headers by which the gateway tells a service who is calling. The gateway strips any incoming copies and adds its
 * own, signed with its Ed25519 key ({@code X-Laxin-Signature: v2,<base64>}, ADR 0007); services accept a request
 * only with a valid signature and a nonce they have not seen.
 */
public final class IdentityHeaders {

    public static final String CALLER = "X-Laxin-Caller";
    public static final String ROLES = "X-Laxin-Roles";
    public static final String TIMESTAMP = "X-Laxin-Timestamp";
    public static final String NONCE = "X-Laxin-Nonce";
    public static final String SIGNATURE = "X-Laxin-Signature";
    /** The campaigns a scoped host key may act on, ascending and comma-separated; absent for every other caller. */
    public static final String CAMPAIGNS = "X-Laxin-Campaigns";

    public static final List<String> ALL = List.of(CALLER, ROLES, TIMESTAMP, NONCE, SIGNATURE, CAMPAIGNS);

    /** {@code KIND:id}, as {@link #CALLER} carries it. */
    public static String callerValue(Caller caller) {
        return caller.kind().name() + ":" + caller.id();
    }

    /** The roles, sorted and comma-separated, as {@link #ROLES} carries them. */
    public static String rolesValue(Caller caller) {
        return caller.rolesHeader();
    }

    /** The campaigns, ascending and comma-separated, as {@link #CAMPAIGNS} carries them ("" when unscoped). */
    public static String campaignsValue(Caller caller) {
        return caller.campaigns().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private IdentityHeaders() {}
}
