package io.laxin.invite.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * An invitee was bound to a referrer (tag {@code ATTRIBUTED}). Facts only: who, which campaign, under which reward
 * policy version, when. What the referral is worth is not in the message (ADR 0006): reward-service reads that policy
 * version from invite-service ({@link io.laxin.invite.api.InviteApi#policy}), so a message nobody checked cannot set
 * an amount. Key and shard key: the event id / the referrer's user id.
 *
 * <p>Schema version 2. Version 1 also carried the policy's values ({@code rewardPolicy}); consumers still read
 * version 1 payloads during the migration window ({@link #OLDEST_READ_VERSION}) and ignore those values.
 */
public record ReferralAttributedEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long referralId,
        long campaignId,
        int policyVersion,
        String referrerUserId,
        String inviteeUserId,
        Instant attributedAt)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 2;
    /** The oldest version consumers still read (its policy values ignored); raised to 2 when the window closes. */
    public static final int OLDEST_READ_VERSION = 1;
}
