package io.laxin.antifraud.review.web;

import io.laxin.antifraud.api.RiskDecisionApi;
import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.review.application.FindingCases;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sibling services (reward-service, invite-service): the final verdict of one review case, by service identity. They
 * act on a {@code RISK_DECIDED} message only when this answer confirms it (ADR 0006): the broker tells them that a
 * case was decided, this endpoint tells them how.
 */
@RestController
public class InternalRiskDecisionController {

    private final FindingCases finding;

    public InternalRiskDecisionController(FindingCases finding) {
        this.finding = finding;
    }

    @Operation(summary = "The decided verdict of one review case (internal, service identity)")
    @GetMapping(RiskDecisionApi.DECISION_PATH)
    public RiskDecisionDTO decision(Caller caller, @PathVariable long caseId) {
        caller.requireKind(CallerKind.SERVICE);
        ReviewCase c = finding.decided(caseId);
        return new RiskDecisionDTO(
                c.id(),
                c.campaignId(),
                c.inviteeUserId(),
                c.referrerUserId(),
                c.screeningId(),
                c.status() == ReviewCase.Status.APPROVED ? Verdict.PASS : Verdict.REJECT,
                c.evidence().stream()
                        .map(f -> new ReasonDTO(f.ruleId(), f.detail(), f.weight(), f.observed(), f.threshold()))
                        .toList(),
                c.decidedBy(),
                c.decidedAt());
    }
}
