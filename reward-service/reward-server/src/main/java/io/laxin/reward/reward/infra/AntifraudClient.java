package io.laxin.reward.reward.infra;

import io.laxin.antifraud.api.RiskDecisionApi;
import org.springframework.cloud.openfeign.FeignClient;

/** antifraud-service's internal API over OpenFeign; calls are signed by the kernel's ServiceIdentityInterceptor. */
@FeignClient(name = "antifraud-service", url = "${laxin.services.antifraud-url}")
interface AntifraudClient extends RiskDecisionApi {}
