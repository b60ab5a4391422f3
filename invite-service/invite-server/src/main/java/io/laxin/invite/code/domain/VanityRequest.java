package io.laxin.invite.code.domain;

import java.time.Instant;

/**
 * A request for a vanity code: PENDING until an operator approves it (it becomes the user's active code) or rejects
 * it (with a note).
 *
 * @param id null until stored
 */
public record VanityRequest(
        Long id,
        long campaignId,
        String userId,
        String code,
        Status status,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    public static VanityRequest pending(long campaignId, String userId, String code, String requestedBy, Instant at) {
        return new VanityRequest(null, campaignId, userId, code, Status.PENDING, requestedBy, at, null, null, null);
    }
}
