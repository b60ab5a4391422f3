package io.laxin.invite.campaign.web;

import io.laxin.invite.campaign.application.CreateCampaignCommand;
import io.laxin.invite.campaign.application.CreatingCampaign;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators' campaign endpoints (roles OPS or ADMIN). */
@Tag(name = "Campaigns (operators)")
@RestController
@RequestMapping("/api/v1/admin/campaigns")
public class CampaignController {

    private final CreatingCampaign creating;
    private final FindingCampaign finding;
    private final IdempotentRequests idempotency;

    public CampaignController(CreatingCampaign creating, FindingCampaign finding, IdempotentRequests idempotency) {
        this.creating = creating;
        this.finding = finding;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Create a campaign",
            description = "Creates and launches a campaign. Send an Idempotency-Key to retry safely: a replay "
                    + "returns the first answer; the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CampaignResponse create(Caller caller,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                   @Valid @RequestBody CreateCampaignRequest request) {
        caller.requireStaff(Role.OPS);
        return idempotency.execute("campaign.create:" + caller.id(), key, request, CampaignResponse.class,
                () -> CampaignResponse.of(creating.handle(new CreateCampaignCommand(request.name(),
                        request.startsAt(), request.endsAt(), request.attributionWindowDays(), request.bindingMode(),
                        request.landingUrl(),
                        RewardPolicyDtos.fromDto(request.rewardPolicy()), caller.id()))));
    }

    @Operation(summary = "Read a campaign")
    @GetMapping("/{campaignId}")
    public CampaignResponse get(Caller caller, @PathVariable long campaignId) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return CampaignResponse.of(finding.require(campaignId));
    }
}
