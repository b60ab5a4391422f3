package io.laxin.invite.code.domain;

import java.time.Instant;

/** Why, by whom and when a code was revoked. */
public record Revocation(String reason, String revokedBy, Instant revokedAt) {

    /** A code the user held, with its revocation when it was revoked. */
    public record Held(InviteCode code, Instant createdAt, Revocation revocation) {}
}
