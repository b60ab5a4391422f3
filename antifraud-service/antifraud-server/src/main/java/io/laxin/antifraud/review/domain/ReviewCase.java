package io.laxin.antifraud.review.domain;

import io.laxin.antifraud.screening.domain.Assessment;
import java.time.Instant;
import java.util.List;

/**
 * A referral held for an operator (a REVIEW screening) or raised by the late analysis, with its evidence. An operator
 * approves (→ PASS) or rejects (→ REJECT) it once; the late analysis may reject a confirmed ring itself.
 */
public record ReviewCase(
        long id,
        String screeningId,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        Source source,
        Status status,
        int score,
        List<Assessment.Finding> evidence,
        Instant openedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public enum Source {
        SCREENING,
        LATE_ANALYSIS
    }

    public enum Status {
        OPEN,
        APPROVED,
        REJECTED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
