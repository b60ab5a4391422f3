package io.laxin.antifraud.review.application;

import io.laxin.antifraud.api.AntifraudErrorCode;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.kernel.error.LaxinException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads of the review queue: filtered pages, one case with its audit trail. */
@Service
public class FindingCases {

    private final ReviewCases cases;

    public FindingCases(ReviewCases cases) {
        this.cases = cases;
    }

    public record CaseWithAudit(ReviewCase reviewCase, List<ReviewCases.AuditEntry> audit) {}

    public ReviewCases.Page search(ReviewCases.Query q) {
        return cases.search(q);
    }

    /**
     * A decided case (APPROVED or REJECTED), for the services that confirm a risk-decided message before acting on it;
     * 404 DECISION_NOT_FOUND when there is no such case or it is still open.
     */
    public ReviewCase decided(long id) {
        return cases.find(id)
                .filter(c -> !c.open())
                .orElseThrow(() ->
                        new LaxinException(AntifraudErrorCode.DECISION_NOT_FOUND, "No decided review case " + id));
    }

    public CaseWithAudit require(long id) {
        ReviewCase c = cases.find(id)
                .orElseThrow(() -> new LaxinException(AntifraudErrorCode.CASE_NOT_FOUND, "No review case " + id));
        return new CaseWithAudit(c, cases.auditOf(id));
    }
}
