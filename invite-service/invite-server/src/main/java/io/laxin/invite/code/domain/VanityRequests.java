package io.laxin.invite.code.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: vanity code requests. At most one PENDING request per code, and per (campaign, user), by unique keys on
 * generated columns.
 */
public interface VanityRequests {

    /** Stores a PENDING request; empty when the code or the user already has one pending. */
    Optional<VanityRequest> tryAdd(VanityRequest request);

    Optional<VanityRequest> find(long id);

    /** Whether another request holds the code pending. */
    boolean pendingFor(String code);

    /** Decides a PENDING request; false when it was not PENDING any more. */
    boolean decide(long id, VanityRequest.Status status, String decidedBy, Instant at, String note);

    Page page(long campaignId, VanityRequest.Status status, int page, int size);

    /** The user's requests in the campaign, newest first. */
    List<VanityRequest> ofUser(long campaignId, String userId);

    record Page(List<VanityRequest> items, long total, int page, int size) {}
}
