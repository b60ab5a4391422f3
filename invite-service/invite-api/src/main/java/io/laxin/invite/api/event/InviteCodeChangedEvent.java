package io.laxin.invite.api.event;

import io.laxin.kernel.api.EventMetadata;

/**
 * A user's invite code changed (topic {@code laxin.topics.referral}, tag {@link ReferralEventTags#CODE_REVOKED}; key:
 * the user id): a poster or link that shows {@code code} should be made again with the user's current code.
 *
 * @param status the code's status now (REVOKED)
 * @param reason the operator's reason
 */
public record InviteCodeChangedEvent(
        String eventId,
        String producer,
        java.time.Instant occurredAt,
        int schemaVersion,
        long campaignId,
        String userId,
        String code,
        String status,
        String reason) implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
