package io.laxin.invite.api.event;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.kernel.api.EventMetadata;

import java.time.Instant;

/**
 * An invitee was bound to a referrer (tag {@code ATTRIBUTED}). Carries the reward policy version and values it was
 * decided under, so reward-service needs no call back. Key and shard key: the event id / the referrer's user id.
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
        RewardPolicyDTO rewardPolicy,
        Instant attributedAt) implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
