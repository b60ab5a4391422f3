package io.laxin.invite.code.domain;

import java.time.Instant;

/**
 * An invite code's changes, told to the rest of the suite (implemented over the outbox in {@code messaging}). Appends
 * in the caller's transaction.
 */
public interface InviteCodeEvents {

    /** {@code tag} is one of the api jar's {@code ReferralEventTags}; {@code code} is the code after the change. */
    void changed(String tag, InviteCode code, String reason, Instant at);

    void revoked(InviteCode code, String reason, Instant at);
}
