package io.laxin.invite.identity.domain;

/** Identifiers the host knows for a user, besides its own user id. Phones are only ever kept as keyed hashes. */
public enum IdentifierKind {
    DEVICE,
    PHONE,
    OPENID,
    UNIONID
}
