package io.laxin.kernel.identity;

/** Who is calling, as established by the gateway (or by a service signing its own Feign calls). */
public enum CallerKind {
    /** An end user of the brand's mini-program / H5 / app; id = the brand's user id. */
    USER,
    /** The brand's own backend, authenticated by API key; id = the key id. */
    HOST,
    /** Operations / finance staff; id = the staff user id; see {@link Role}. */
    STAFF,
    /** Another Laxin service; id = its application name. */
    SERVICE,
    /** A public caller (e.g. a friend opening a share link) that passed through the gateway. */
    ANONYMOUS
}
