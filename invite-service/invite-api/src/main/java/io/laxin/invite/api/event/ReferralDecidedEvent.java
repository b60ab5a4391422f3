package io.laxin.invite.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;
import java.util.List;

/**
 * A registration was not attributed (tag {@code PENDING_REVIEW} or {@code REJECTED}), with the reasons. For
 * antifraud-service and analytics; no reward follows from it.
 */
public record ReferralDecidedEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long referralId,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        String outcome,
        List<String> reasons)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
