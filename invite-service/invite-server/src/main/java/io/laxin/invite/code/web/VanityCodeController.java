package io.laxin.invite.code.web;

import io.laxin.invite.code.application.RequestVanityCodeCommand;
import io.laxin.invite.code.application.RequestingVanityCode;
import io.laxin.invite.code.domain.VanityRequests;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** End users: ask for a vanity invite code, and see how the asks stand. */
@Tag(name = "Invites (end users)")
@RestController
public class VanityCodeController {

    private final RequestingVanityCode requesting;
    private final VanityRequests requests;
    private final IdempotentRequests idempotency;

    public VanityCodeController(
            RequestingVanityCode requesting, VanityRequests requests, IdempotentRequests idempotency) {
        this.requesting = requesting;
        this.requests = requests;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Ask for a vanity invite code",
            description = "4 to 16 letters A-Z and digits with at least one letter, any case (stored upper case). "
                    + "PENDING until an operator approves it (it becomes my code; my old code keeps working) or "
                    + "rejects it. 400 VANITY_CODE_INVALID, 422 VANITY_CODE_RESERVED, 409 VANITY_CODE_TAKEN, 409 "
                    + "VANITY_REQUEST_PENDING (one pending ask per campaign). Honours an Idempotency-Key.")
    @PostMapping("/api/v1/invites/mine/vanity")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public VanityRequestResponse request(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody VanityCodeRequests.Mine request) {
        String userId = caller.requireUser();
        return requesting.handle(
                new RequestVanityCodeCommand(request.campaignId(), userId, request.code(), userId),
                new IdempotentRequests.Answer<>(
                        idempotency.key("vanity.request:" + userId, key, request),
                        VanityRequestResponse.class,
                        VanityRequestResponse::of));
    }

    @Operation(summary = "My vanity code requests in a campaign, newest first")
    @GetMapping("/api/v1/invites/mine/vanity")
    public List<VanityRequestResponse> mine(Caller caller, @RequestParam long campaignId) {
        return requests.ofUser(campaignId, caller.requireUser()).stream()
                .map(VanityRequestResponse::of)
                .toList();
    }
}
