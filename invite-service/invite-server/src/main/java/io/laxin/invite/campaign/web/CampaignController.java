package io.laxin.invite.campaign.web;

import io.laxin.invite.campaign.application.ChangeCampaignStatusCommand;
import io.laxin.invite.campaign.application.ChangingCampaignStatus;
import io.laxin.invite.campaign.application.CreateCampaignCommand;
import io.laxin.invite.campaign.application.CreatingCampaign;
import io.laxin.invite.campaign.application.EditCampaignCommand;
import io.laxin.invite.campaign.application.EditingCampaign;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.application.ListingCampaigns;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' campaign endpoints: create, edit, move along the lifecycle (writes: OPS or ADMIN), read, list and the
 * reward-policy history (also FINANCE). Every write takes an optional Idempotency-Key.
 */
@Tag(name = "Campaigns (operators)")
@RestController
@RequestMapping("/api/v1/admin/campaigns")
public class CampaignController {

    private static final String IDEMPOTENCY = " Send an Idempotency-Key to retry safely: a replay returns the first "
            + "answer; the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED.";

    private final CreatingCampaign creating;
    private final EditingCampaign editing;
    private final ChangingCampaignStatus changing;
    private final FindingCampaign finding;
    private final ListingCampaigns listing;
    private final IdempotentRequests idempotency;

    public CampaignController(
            CreatingCampaign creating,
            EditingCampaign editing,
            ChangingCampaignStatus changing,
            FindingCampaign finding,
            ListingCampaigns listing,
            IdempotentRequests idempotency) {
        this.creating = creating;
        this.editing = editing;
        this.changing = changing;
        this.finding = finding;
        this.listing = listing;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Create a campaign",
            description = "Creates a campaign with reward policy version 1: launched at once (ACTIVE, the default) "
                    + "or, with \"status\":\"DRAFT\", editable and inactive until activated. An invalid policy "
                    + "(repeated milestone nth, caps perDay > perMonth > perCampaign, a first-order bonus of 0, a "
                    + "negative budget) answers 400 VALIDATION_FAILED." + IDEMPOTENCY)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CampaignResponse create(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody CreateCampaignRequest request) {
        caller.requireStaff(Role.OPS);
        return creating.handle(
                new CreateCampaignCommand(
                        request.name(),
                        request.startsAt(),
                        request.endsAt(),
                        request.attributionWindowDays(),
                        request.bindingMode(),
                        request.landingUrl(),
                        request.miniProgramPage(),
                        request.referrers(),
                        RewardPolicyDtos.fromRequest(request.rewardPolicy()),
                        caller.id(),
                        request.draft(),
                        Boolean.TRUE.equals(request.legacyDeviceIds())),
                new IdempotentRequests.Answer<>(
                        idempotency.key("campaign.create:" + caller.id(), key, request),
                        CampaignResponse.class,
                        CampaignResponse::of));
    }

    @Operation(
            summary = "Edit a campaign",
            description = "Changes the fields sent. A DRAFT takes every field (its policy stays version 1); an ACTIVE "
                    + "or PAUSED campaign only name, endsAt, landingUrl, miniProgramPage, referrers and rewardPolicy — a different policy becomes "
                    + "version N+1 and applies to registrations decided from then on. Locked fields and ENDED "
                    + "campaigns answer 409 CAMPAIGN_NOT_EDITABLE." + IDEMPOTENCY)
    @PatchMapping("/{campaignId}")
    public CampaignResponse edit(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody EditCampaignRequest request) {
        caller.requireStaff(Role.OPS);
        return editing.handle(
                new EditCampaignCommand(campaignId, request.changes(), caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key("campaign.edit:" + caller.id() + ":" + campaignId, key, request),
                        CampaignResponse.class,
                        CampaignResponse::of));
    }

    @Operation(
            summary = "Activate a DRAFT or PAUSED campaign",
            description =
                    "409 CAMPAIGN_TRANSITION_REFUSED from any other status, or once endsAt has passed." + IDEMPOTENCY)
    @PostMapping("/{campaignId}/activate")
    public CampaignResponse activate(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return move(caller, campaignId, key, CampaignStatus.ACTIVE);
    }

    @Operation(
            summary = "Pause an ACTIVE campaign",
            description = "Share links keep redirecting; no new codes are issued and no registration is attributed "
                    + "(409 CAMPAIGN_NOT_ACTIVE) until it is activated again. 409 CAMPAIGN_TRANSITION_REFUSED unless "
                    + "ACTIVE." + IDEMPOTENCY)
    @PostMapping("/{campaignId}/pause")
    public CampaignResponse pause(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return move(caller, campaignId, key, CampaignStatus.PAUSED);
    }

    @Operation(
            summary = "End an ACTIVE or PAUSED campaign for good",
            description = "ENDED is final. 409 CAMPAIGN_TRANSITION_REFUSED from DRAFT or ENDED." + IDEMPOTENCY)
    @PostMapping("/{campaignId}/end")
    public CampaignResponse end(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return move(caller, campaignId, key, CampaignStatus.ENDED);
    }

    private CampaignResponse move(Caller caller, long campaignId, String key, CampaignStatus target) {
        caller.requireStaff(Role.OPS);
        return changing.handle(
                new ChangeCampaignStatusCommand(campaignId, target, caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key(
                                "campaign." + target.name().toLowerCase() + ":" + caller.id(),
                                key,
                                Map.of("campaignId", campaignId)),
                        CampaignResponse.class,
                        CampaignResponse::of));
    }

    @Operation(
            summary = "List campaigns",
            description = "Newest first; filter by status and by a part of the name (q). page from 0, size 1–100 "
                    + "(default 20); total counts every match.")
    @GetMapping
    public CampaignPageResponse list(
            Caller caller,
            @RequestParam(required = false) CampaignStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        Campaigns.Page p = listing.page(new Campaigns.Query(status, q, page, size));
        return new CampaignPageResponse(
                p.items().stream().map(CampaignResponse::of).toList(), p.total(), p.page(), p.size());
    }

    @Operation(summary = "Read a campaign")
    @GetMapping("/{campaignId}")
    public CampaignResponse get(Caller caller, @PathVariable long campaignId) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return CampaignResponse.of(finding.require(campaignId));
    }

    @Operation(summary = "The versions of a campaign's reward policy, newest first")
    @GetMapping("/{campaignId}/policies")
    public List<PolicyVersionResponse> policies(Caller caller, @PathVariable long campaignId) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return listing.policyHistory(campaignId).stream()
                .map(PolicyVersionResponse::of)
                .toList();
    }
}
