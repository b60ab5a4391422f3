package io.laxin.antifraud.api;

import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The decided verdict of one review case, for the services that act on a {@code RISK_DECIDED} message (reward-service,
 * invite-service): they confirm the message here before acting, so a message published by anyone but antifraud-service
 * moves nothing (ADR 0006). Internal: signed service callers only, never routed by the gateway.
 */
public interface RiskDecisionApi {

    String DECISION_PATH = "/internal/risk-decisions/{caseId}";

    /** The case's final verdict; 404 {@code DECISION_NOT_FOUND} when there is no such case or it is still open. */
    @GetMapping(DECISION_PATH)
    RiskDecisionDTO decision(@PathVariable("caseId") long caseId);
}
