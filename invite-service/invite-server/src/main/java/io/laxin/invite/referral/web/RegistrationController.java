package io.laxin.invite.referral.web;

import io.laxin.invite.referral.application.AttributeRegistrationCommand;
import io.laxin.invite.referral.application.AttributingRegistration;
import io.laxin.invite.referral.domain.Referral;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The host backend reports registrations (API-key callers). */
@Tag(name = "Registrations (host backend)")
@RestController
public class RegistrationController {

    private final AttributingRegistration attributing;
    private final IdempotentRequests idempotency;

    public RegistrationController(AttributingRegistration attributing, IdempotentRequests idempotency) {
        this.attributing = attributing;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Report a registration with an invite code",
            description = "Binds the invitee to the referrer once per campaign — by the code, or by the device's "
                    + "touch under the campaign's binding mode. Answers the outcome "
                    + "(ATTRIBUTED, PENDING_REVIEW or REJECTED, with reasons). Reporting the same registration again "
                    + "returns the first outcome (firstReport=false); an Idempotency-Key is honoured as well. Optional "
                    + "client flags (client.emulator, client.rooted) go to risk screening. A key scoped to campaigns "
                    + "gets 403 CAMPAIGN_OUT_OF_SCOPE for another campaign, and nothing is recorded.")
    @PostMapping("/api/v1/host/registrations")
    public RegistrationResponse report(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody RegistrationRequest request) {
        caller.requireKind(CallerKind.HOST).requireCampaign(request.campaignId());
        // the use case records the key inside its own transaction, after the screening call (which holds nothing)
        AttributingRegistration.Outcome outcome = attributing.handle(
                new AttributeRegistrationCommand(
                        request.campaignId(),
                        request.inviteeUserId(),
                        request.inviteCode(),
                        request.deviceId(),
                        request.phone(),
                        request.openid(),
                        request.unionid(),
                        request.ip(),
                        request.userAgent(),
                        request.registeredAt(),
                        request.emulator(),
                        request.rooted()),
                idempotency.key("registration.v2:" + caller.id(), key, request));
        Referral r = outcome.referral();
        return new RegistrationResponse(
                r.id(),
                r.campaignId(),
                r.inviteeUserId(),
                r.referrerUserId(),
                r.status().name(),
                r.reasons(),
                outcome.firstReport());
    }
}
