package io.laxin.invite.code.domain;

import java.util.Optional;

/** Port: invite codes, unique per (campaign, user) and globally unique by code. */
public interface InviteCodes {

    Optional<InviteCode> findByUser(long campaignId, String userId);

    /** Resolves a code; served from the cache after the first lookup. */
    Optional<InviteCode> findByCode(String code);

    /** How many users held a code of this campaign at the given instant (its potential referrers). */
    long holdersAt(long campaignId, java.time.Instant at);

    /** Stores a new code; false when the code or the (campaign, user) pair already exists. */
    boolean tryAdd(InviteCode code);
}
