package io.laxin.invite.code.web;

import io.laxin.invite.code.domain.VanityRequest;
import java.time.Instant;
import java.util.List;

/** A vanity code request and where it stands. */
public record VanityRequestResponse(
        long id,
        long campaignId,
        String userId,
        String code,
        String status,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    static VanityRequestResponse of(VanityRequest r) {
        return new VanityRequestResponse(
                r.id(),
                r.campaignId(),
                r.userId(),
                r.code(),
                r.status().name(),
                r.requestedBy(),
                r.requestedAt(),
                r.decidedBy(),
                r.decidedAt(),
                r.note());
    }

    /** One page of requests, oldest first. */
    public record Page(List<VanityRequestResponse> items, long total, int page, int size) {}
}
