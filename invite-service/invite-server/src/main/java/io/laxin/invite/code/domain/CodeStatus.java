package io.laxin.invite.code.domain;

/**
 * Where a code stands. ACTIVE: the user's code, handed out on every ask (one per campaign and user). RETIRED: replaced
 * by an approved vanity code; it still resolves and still brings invitees to the same user, so posters already shared
 * keep working. REVOKED: withdrawn by an operator; it no longer brings anyone to anyone.
 */
public enum CodeStatus {
    ACTIVE,
    RETIRED,
    REVOKED;

    /** Whether a touch or registration with this code may still credit its owner. */
    public boolean resolves() {
        return this != REVOKED;
    }
}
