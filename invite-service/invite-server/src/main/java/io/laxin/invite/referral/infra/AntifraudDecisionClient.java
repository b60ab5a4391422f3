package io.laxin.invite.referral.infra;

import io.laxin.antifraud.api.RiskDecisionApi;
import org.springframework.cloud.openfeign.FeignClient;

/**
 * antifraud-service's decided review cases over HTTP (ADR 0006): the same service as {@link AntifraudClient} (its
 * calls are signed for {@code antifraud-service}), a client of its own since a Feign client extends one interface.
 */
@FeignClient(name = "antifraud-service", contextId = "antifraud-decisions", url = "${laxin.services.antifraud-url}")
interface AntifraudDecisionClient extends RiskDecisionApi {}
