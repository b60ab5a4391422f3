package io.laxin.poster.render.infra;

import io.laxin.invite.api.InviteApi;
import org.springframework.cloud.openfeign.FeignClient;

/** invite-service's internal API over OpenFeign; calls are signed by the kernel's ServiceIdentityInterceptor. */
@FeignClient(name = "invite-service", url = "${laxin.services.invite-url}")
interface InviteClient extends InviteApi {}
