package io.laxin.antifraud.api;

import io.laxin.antifraud.api.dto.ScreeningDecisionDTO;
import io.laxin.antifraud.api.dto.ScreeningRequestDTO;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Synchronous screening of one registration, called by invite-service (OpenFeign) before it binds an invitee.
 * Internal: reachable only with a service identity, never routed by the gateway.
 */
public interface ScreeningApi {

    String PATH = "/internal/screenings";

    @PostMapping(PATH)
    ScreeningDecisionDTO screen(@RequestBody ScreeningRequestDTO request);
}
