package io.laxin.antifraud.api;

import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.kernel.api.Confirmation;
import io.laxin.kernel.api.ErrorCode;
import java.util.Optional;

/**
 * A {@code RISK_DECIDED} message checked with antifraud-service (ADR 0006), for the services that act on one: the
 * case it names is read over {@link RiskDecisionApi}; antifraud-service holding no decided case of that id is
 * {@link AntifraudErrorCode#DECISION_NOT_FOUND}, and the decision stands by the message only when it is the same
 * case, campaign, invitee and verdict ({@link RiskDecisionDTO#disagreement}). Run it with the kernel's
 * {@code Confirmations.confirmed}.
 */
public record RiskDecisionConfirmation(RiskDecisionApi antifraud)
        implements Confirmation<RiskDecidedEvent, RiskDecisionDTO> {

    @Override
    public ErrorCode absent() {
        return AntifraudErrorCode.DECISION_NOT_FOUND;
    }

    @Override
    public String describe(RiskDecidedEvent claim) {
        return "Reading risk case " + claim.caseId() + " from antifraud-service";
    }

    @Override
    public RiskDecisionDTO read(RiskDecidedEvent claim) {
        return antifraud.decision(claim.caseId());
    }

    @Override
    public Optional<String> disagreement(RiskDecidedEvent claim, RiskDecisionDTO held) {
        return RiskDecisionDTO.disagreement(claim, held);
    }
}
