package io.laxin.invite.identity.web;

import io.laxin.invite.identity.application.ReportIdentityCommand;
import io.laxin.invite.identity.application.ReportingIdentity;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The host backend reports who its users are. Replaying the same report changes nothing. */
@Tag(name = "Registrations (host backend)")
@RestController
public class HostIdentityController {

    private final ReportingIdentity reporting;

    public HostIdentityController(ReportingIdentity reporting) {
        this.reporting = reporting;
    }

    @Operation(
            summary = "Report a user's identifiers",
            description = "Device id, phone (kept only as a keyed hash and a masked form), WeChat openid and unionid, "
                    + "and when the user registered. Used to recognise the same person across accounts "
                    + "(self-referral) and existing users (not new). Idempotent: the first owner of an identifier "
                    + "and the earliest registration time are kept.")
    @PostMapping("/api/v1/host/identities")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void report(Caller caller, @Valid @RequestBody IdentityRequest r) {
        caller.requireKind(CallerKind.HOST);
        reporting.handle(new ReportIdentityCommand(
                r.userId(), r.registeredAt(), r.deviceId(), r.phone(), r.openid(), r.unionid()));
    }
}
