package io.laxin.invite.api.event;

import io.laxin.kernel.api.EventMetadata;

/**
 * A user's invite code changed (topic {@code laxin.topics.referral}, key: the user id): tag
 * {@link ReferralEventTags#CODE_REVOKED} — {@code code} was revoked, a poster showing it should be made again with
 * the user's current code; tag {@link ReferralEventTags#CODE_REPLACED} — {@code code} is the user's new (vanity)
 * code, posters may show it (the code it replaced still works).
 *
 * @param status the code's status now (REVOKED, or ACTIVE for the replacing code)
 * @param reason the operator's reason or note
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
        String reason)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
