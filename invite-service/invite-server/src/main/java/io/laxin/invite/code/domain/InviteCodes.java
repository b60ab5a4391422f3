package io.laxin.invite.code.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: invite codes, globally unique by code; at most one ACTIVE code per (campaign, user). */
public interface InviteCodes {

    /** The user's ACTIVE code in the campaign. */
    Optional<InviteCode> findActive(long campaignId, String userId);

    /** Every code the user held in the campaign (active, retired, revoked), oldest first. */
    List<Revocation.Held> allOf(long campaignId, String userId);

    /** Resolves a code in any status; served from the cache after the first lookup. */
    Optional<InviteCode> findByCode(String code);

    /** How many users held a code of this campaign at the given instant (its potential referrers). */
    long holdersAt(long campaignId, Instant at);

    /** Stores a new ACTIVE code; false when the code exists or the user already has an ACTIVE code here. */
    boolean tryAdd(InviteCode code);

    /**
     * Makes {@code code} the user's ACTIVE code, retiring the one they had (it keeps resolving); in the caller's
     * transaction, and without touching the resolve cache (refresh both codes once committed). Empty when the code is
     * taken; the caller then rolls its transaction back.
     */
    Optional<Replacement> replaceActive(InviteCode code);

    /** @param retired the code that was the user's ACTIVE one, or null when they had none */
    record Replacement(String retired) {}

    /** Revokes a code that is not revoked yet; false when it is unknown or already revoked. */
    boolean revoke(String code, Revocation revocation);

    /**
     * Puts the code's committed status in the resolve cache, replacing whatever a lookup cached before; call once a
     * change of the code is committed.
     */
    void refreshCached(String code);
}
