package io.laxin.invite.code.web;

import io.laxin.invite.code.domain.Revocation;
import java.time.Instant;

/** One code a user holds or held in a campaign, as operators see it. */
public record CodeResponse(
        long campaignId,
        String userId,
        String code,
        String status,
        Instant createdAt,
        Instant revokedAt,
        String revokedBy,
        String revokedReason) {

    static CodeResponse of(Revocation.Held h) {
        Revocation r = h.revocation();
        return new CodeResponse(
                h.code().campaignId(),
                h.code().userId(),
                h.code().code(),
                h.code().status().name(),
                h.createdAt(),
                r == null ? null : r.revokedAt(),
                r == null ? null : r.revokedBy(),
                r == null ? null : r.reason());
    }
}
