package io.laxin.invite.referral.infra;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.ScreeningDecisionDTO;
import io.laxin.antifraud.api.dto.ScreeningRequestDTO;
import io.laxin.invite.identity.domain.IdentifierKind;
import io.laxin.invite.referral.domain.RiskScreening;
import io.laxin.kernel.remote.RemoteCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Screening through antifraud-service, behind a Sentinel circuit breaker. When the call fails or times out the answer
 * is REVIEW (hold for an operator), never PASS: a slow fraud check must not become free money. When most recent calls
 * failed or were slow, the breaker opens and registrations get REVIEW at once for a few seconds, without waiting on
 * a service that is down; then one trial call decides whether it closes.
 */
@Component
class FeignRiskScreening implements RiskScreening {

    private static final Logger log = LoggerFactory.getLogger(FeignRiskScreening.class);

    private final AntifraudClient client;
    private final ScreeningBreaker breaker;

    FeignRiskScreening(AntifraudClient client, ScreeningBreaker breaker) {
        this.client = client;
        this.breaker = breaker;
    }

    @Override
    public Result screen(Request r) {
        RemoteCalls.requireNoTransaction("Screening by antifraud-service");
        ScreeningDecisionDTO decision;
        try {
            decision = breaker.call(() -> client.screen(new ScreeningRequestDTO(
                    r.campaignId(),
                    r.referrerUserId(),
                    r.inviteeUserId(),
                    r.referrer().get(IdentifierKind.DEVICE),
                    r.invitee().get(IdentifierKind.DEVICE),
                    r.referrer().get(IdentifierKind.PHONE),
                    r.invitee().get(IdentifierKind.PHONE),
                    r.ip(),
                    r.userAgent(),
                    r.touchedAt(),
                    r.registeredAt(),
                    r.referrer().get(IdentifierKind.OPENID),
                    r.referrer().get(IdentifierKind.UNIONID),
                    r.invitee().get(IdentifierKind.OPENID),
                    r.invitee().get(IdentifierKind.UNIONID),
                    r.inviteePhonePrefix(),
                    r.emulator(),
                    r.rooted(),
                    null,
                    r.contestedByUserId())));
        } catch (ScreeningBreaker.Open e) {
            decision = ScreeningDecisionDTO.unavailable("antifraud-service is failing; circuit open");
        } catch (RuntimeException e) {
            log.warn(
                    "Screening unavailable, holding {} → {} for review: {}",
                    r.referrerUserId(),
                    r.inviteeUserId(),
                    e.toString());
            decision = ScreeningDecisionDTO.unavailable(
                    "antifraud-service did not answer: " + e.getClass().getSimpleName());
        }
        return new Result(
                Verdict.valueOf(decision.verdict().name()),
                decision.screeningId(),
                decision.reasons().stream().map(FeignRiskScreening::describe).toList());
    }

    private static String describe(ReasonDTO reason) {
        return reason.ruleId() + ": " + reason.detail();
    }
}
