package io.laxin.antifraud.api.event;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;
import java.util.List;

/**
 * A final risk verdict on one referral (tag {@link RiskEventTags#DECIDED}, topic {@code laxin.topics.risk}): an
 * operator decided a review case, or the late analysis confirmed a reject. invite-service moves the referral from
 * PENDING_REVIEW to ATTRIBUTED (PASS) or REJECTED; reward-service releases or revokes its rewards. Key: the event id;
 * shard key: the invitee's user id.
 *
 * @param screeningId the screening the verdict is about, null when the case came from late analysis of an invitee
 *                    without a stored screening
 * @param verdict     PASS or REJECT (never REVIEW: this is the final word)
 * @param decidedBy   the operator's staff id, or {@code late-analysis}
 */
public record RiskDecidedEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long campaignId,
        String inviteeUserId,
        String referrerUserId,
        String screeningId,
        long caseId,
        Verdict verdict,
        List<ReasonDTO> reasons,
        String decidedBy)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
