package io.laxin.invite.code.web;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.code.application.DecidingVanityCode;
import io.laxin.invite.code.application.RequestVanityCodeCommand;
import io.laxin.invite.code.application.RequestingVanityCode;
import io.laxin.invite.code.domain.VanityRequest;
import io.laxin.invite.code.domain.VanityRequests;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators: vanity code requests of a campaign — list, ask on a user's behalf, approve or reject (OPS / ADMIN). */
@Tag(name = "Campaigns (operators)")
@RestController
@Validated
@RequestMapping("/api/v1/admin/campaigns/{campaignId}/vanity-codes")
public class VanityCodeAdminController {

    private final RequestingVanityCode requesting;
    private final DecidingVanityCode deciding;
    private final VanityRequests requests;
    private final FindingCampaign campaigns;
    private final IdempotentRequests idempotency;

    public VanityCodeAdminController(
            RequestingVanityCode requesting,
            DecidingVanityCode deciding,
            VanityRequests requests,
            FindingCampaign campaigns,
            IdempotentRequests idempotency) {
        this.requesting = requesting;
        this.deciding = deciding;
        this.requests = requests;
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Ask for a vanity code on a user's behalf",
            description = "Checked like a user's own ask; PENDING until approved. Honours an Idempotency-Key.")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public VanityRequestResponse request(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody VanityCodeRequests.OnBehalf request) {
        caller.requireStaff(Role.OPS);
        return requesting.handle(
                new RequestVanityCodeCommand(campaignId, request.userId(), request.code(), caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key("vanity.request:" + caller.id() + ":" + campaignId, key, request),
                        VanityRequestResponse.class,
                        VanityRequestResponse::of));
    }

    @Operation(
            summary = "List vanity code requests",
            description = "Oldest first; filter by status (PENDING, "
                    + "APPROVED, REJECTED). page from 0, size 1–100 (default 20).")
    @GetMapping
    public VanityRequestResponse.Page list(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam(required = false) VanityRequest.Status status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        VanityRequests.Page p = requests.page(campaigns.require(campaignId).id(), status, page, size);
        return new VanityRequestResponse.Page(
                p.items().stream().map(VanityRequestResponse::of).toList(), p.total(), p.page(), p.size());
    }

    @Operation(
            summary = "Approve a vanity code request",
            description = "The code becomes the user's active code; the code they had is RETIRED and keeps "
                    + "resolving to them (shared posters keep working). Publishes CODE_REPLACED. 409 "
                    + "VANITY_REQUEST_DECIDED when it was decided before. Honours an Idempotency-Key.")
    @PostMapping("/{requestId}/approve")
    public VanityRequestResponse approve(
            Caller caller,
            @PathVariable long campaignId,
            @PathVariable long requestId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody(required = false) VanityCodeRequests.Decision request) {
        caller.requireStaff(Role.OPS);
        String note = request == null ? null : request.note();
        return deciding.approve(
                campaignId,
                requestId,
                caller.id(),
                note,
                new IdempotentRequests.Answer<>(
                        idempotency.key("vanity.approve:" + caller.id(), key, Map.of("requestId", requestId)),
                        VanityRequestResponse.class,
                        VanityRequestResponse::of));
    }

    @Operation(
            summary = "Reject a vanity code request, with a note for the user",
            description = "409 VANITY_REQUEST_DECIDED when it was decided before. Honours an Idempotency-Key.")
    @PostMapping("/{requestId}/reject")
    public VanityRequestResponse reject(
            Caller caller,
            @PathVariable long campaignId,
            @PathVariable long requestId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody VanityCodeRequests.Decision request) {
        caller.requireStaff(Role.OPS);
        if (request.note() == null || request.note().isBlank()) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "note: say why the code is rejected");
        }
        return deciding.reject(
                campaignId,
                requestId,
                caller.id(),
                request.note(),
                new IdempotentRequests.Answer<>(
                        idempotency.key(
                                "vanity.reject:" + caller.id(),
                                key,
                                Map.of("requestId", requestId, "note", request.note())),
                        VanityRequestResponse.class,
                        VanityRequestResponse::of));
    }
}
