package io.laxin.invite.referral.infra;

import io.laxin.antifraud.api.ScreeningApi;
import org.springframework.cloud.openfeign.FeignClient;

/** antifraud-service over HTTP; its base URL and tight timeouts come from configuration. */
@FeignClient(name = "antifraud-service", url = "${laxin.services.antifraud-url}")
interface AntifraudClient extends ScreeningApi {}
