package io.laxin.antifraud.review.web;

import io.laxin.antifraud.review.application.DecidingCase;
import io.laxin.antifraud.review.application.FindingCases;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' review queue (staff OPS; ADMIN holds every role). */
@RestController
@RequestMapping("/api/v1/admin/risk/cases")
public class ReviewCaseController {

    private final FindingCases finding;
    private final DecidingCase deciding;
    private final IdempotentRequests idempotency;

    public ReviewCaseController(FindingCases finding, DecidingCase deciding, IdempotentRequests idempotency) {
        this.finding = finding;
        this.deciding = deciding;
        this.idempotency = idempotency;
    }

    public record EvidenceResponse(String ruleId, String detail, int weight, String observed, String threshold) {}

    public record AuditResponse(String action, String actor, String note, Instant at) {}

    public record CaseResponse(
            long id,
            String screeningId,
            long campaignId,
            String referrerUserId,
            String inviteeUserId,
            String source,
            String status,
            int score,
            List<EvidenceResponse> evidence,
            Instant openedAt,
            String decidedBy,
            Instant decidedAt,
            String note,
            List<AuditResponse> audit) {}

    public record CasePageResponse(List<CaseResponse> items, long total, int page, int size) {}

    public record DecisionRequest(
            @NotNull DecidingCase.Decision decision,
            @Size(max = 1000) String note) {}

    public record BulkDecisionRequest(
            @NotEmpty @Size(max = 200) List<Long> caseIds,
            @NotNull DecidingCase.Decision decision,
            @Size(max = 1000) String note) {}

    public record DecisionResponse(long caseId, String status, boolean changed, String problem) {}

    public record BulkDecisionResponse(List<DecisionResponse> outcomes) {}

    @Operation(
            summary = "List review cases with their evidence",
            description = "Filter by status (default OPEN), campaign, rule id and score range; pages of `size`.")
    @GetMapping
    public CasePageResponse list(
            Caller caller,
            @RequestParam(defaultValue = "OPEN") ReviewCase.Status status,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) String ruleId,
            @RequestParam(required = false) Integer minScore,
            @RequestParam(required = false) Integer maxScore,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        caller.requireStaff(Role.OPS);
        if (page < 0 || size < 1 || size > 200) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "page must be >= 0 and size 1–200");
        }
        ReviewCases.Page p =
                finding.search(new ReviewCases.Query(status, campaignId, ruleId, minScore, maxScore, page, size));
        return new CasePageResponse(
                p.items().stream().map(c -> response(c, List.of())).toList(), p.total(), p.page(), p.size());
    }

    @Operation(summary = "One review case with its evidence and audit trail")
    @GetMapping("/{id}")
    public CaseResponse get(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.OPS);
        FindingCases.CaseWithAudit c = finding.require(id);
        return response(c.reviewCase(), c.audit());
    }

    @Operation(
            summary = "Approve (→ PASS) or reject (→ REJECT) a case with a note",
            description = "Publishes a RISK_DECIDED event. Repeating the same decision answers it again; the opposite "
                    + "decision on a decided case is 409 CASE_ALREADY_DECIDED. Optional Idempotency-Key.")
    @PostMapping("/{id}/decision")
    public DecisionResponse decide(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody DecisionRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        caller.requireStaff(Role.OPS);
        return deciding.decide(
                id,
                request.decision(),
                caller.id(),
                request.note(),
                new IdempotentRequests.Answer<>(
                        idempotency.key("risk-case-decision:" + caller.id(), key, List.of(id, request)),
                        DecisionResponse.class,
                        ReviewCaseController::response));
    }

    @Operation(
            summary = "Decide many cases the same way",
            description = "Each case is decided on its own; the "
                    + "answer lists each outcome (a refused case carries its problem code).")
    @PostMapping("/decisions")
    public BulkDecisionResponse decideAll(
            Caller caller,
            @Valid @RequestBody BulkDecisionRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        caller.requireStaff(Role.OPS);
        return deciding.decideAll(
                request.caseIds(),
                request.decision(),
                caller.id(),
                request.note(),
                new IdempotentRequests.Answer<>(
                        idempotency.key("risk-case-bulk:" + caller.id(), key, request),
                        BulkDecisionResponse.class,
                        outcomes -> new BulkDecisionResponse(outcomes.stream()
                                .map(ReviewCaseController::response)
                                .toList())));
    }

    private static DecisionResponse response(DecidingCase.Outcome o) {
        return new DecisionResponse(
                o.caseId(), o.status() == null ? null : o.status().name(), o.changed(), o.problem());
    }

    private static CaseResponse response(ReviewCase c, List<ReviewCases.AuditEntry> audit) {
        return new CaseResponse(
                c.id(),
                c.screeningId(),
                c.campaignId(),
                c.referrerUserId(),
                c.inviteeUserId(),
                c.source().name(),
                c.status().name(),
                c.score(),
                c.evidence().stream()
                        .map(f -> new EvidenceResponse(f.ruleId(), f.detail(), f.weight(), f.observed(), f.threshold()))
                        .toList(),
                c.openedAt(),
                c.decidedBy(),
                c.decidedAt(),
                c.note(),
                audit.stream()
                        .map(a -> new AuditResponse(a.action(), a.actor(), a.note(), a.at()))
                        .toList());
    }
}
