package io.laxin.antifraud.api.dto;

import io.laxin.antifraud.api.event.RiskDecidedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A review case's final verdict as antifraud-service holds it. A case is decided once and never changes afterwards.
 * antifraud-service knows a referral by its campaign and invitee (one referral per invitee and campaign); it has no
 * referral id.
 *
 * @param verdict PASS or REJECT (never REVIEW: an open case has no decision)
 * @param reasons the case's evidence (rule ids and what was seen)
 */
public record RiskDecisionDTO(
        long caseId,
        long campaignId,
        String inviteeUserId,
        String referrerUserId,
        String screeningId,
        Verdict verdict,
        List<ReasonDTO> reasons,
        String decidedBy,
        Instant decidedAt) {

    /**
     * Whether this decision is the one the message states: the same case, campaign, invitee and verdict. A message
     * that disagrees in any of them was not published for this decision.
     */
    public boolean confirms(RiskDecidedEvent claimed) {
        return claimed != null
                && caseId == claimed.caseId()
                && campaignId == claimed.campaignId()
                && Objects.equals(inviteeUserId, claimed.inviteeUserId())
                && verdict != null
                && verdict != Verdict.REVIEW
                && verdict == claimed.verdict();
    }

    /**
     * Why antifraud-service does not stand by a message, given the decision it holds for the message's case (null
     * when it has none); empty when the decision confirms the message.
     */
    public static Optional<String> disagreement(RiskDecidedEvent claimed, RiskDecisionDTO decided) {
        if (decided == null) {
            return Optional.of("antifraud-service has no decided case " + claimed.caseId());
        }
        if (decided.confirms(claimed)) {
            return Optional.empty();
        }
        return Optional.of("antifraud-service decided case " + decided.caseId() + " " + decided.verdict()
                + " for invitee " + decided.inviteeUserId() + " in campaign " + decided.campaignId());
    }
}
