package io.laxin.antifraud.review.domain;

import io.laxin.antifraud.screening.domain.Assessment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the review cases and their audit trail. */
public interface ReviewCases {

    record NewCase(
            String screeningId,
            long campaignId,
            String referrerUserId,
            String inviteeUserId,
            ReviewCase.Source source,
            int score,
            List<Assessment.Finding> evidence,
            Instant openedAt) {}

    /** Filter and page of the queue; null fields do not filter. */
    record Query(
            ReviewCase.Status status,
            Long campaignId,
            String ruleId,
            Integer minScore,
            Integer maxScore,
            int page,
            int size) {}

    record Page(List<ReviewCase> items, long total, int page, int size) {}

    /** One audited action on a case: who, when, what, why. */
    record AuditEntry(long caseId, String action, String actor, String note, Instant at) {}

    /** Opens a case, or returns the id of the case already open for this invitee, campaign and source. */
    long open(NewCase c);

    Optional<ReviewCase> find(long id);

    /** Whether any case exists for the invitee in the campaign. */
    boolean exists(long campaignId, String inviteeUserId);

    Page search(Query q);

    /** Moves an OPEN case to its decision; false when it was no longer open. */
    boolean decide(long id, ReviewCase.Status to, String by, String note, Instant at);

    void audit(AuditEntry entry);

    List<AuditEntry> auditOf(long caseId);
}
