package io.laxin.invite.campaign.web;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.kernel.error.LaxinException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A launched campaign's rules, public (the H5 page and landing pages show them before anyone signs in). */
@Tag(name = "Campaign rules (public)")
@RestController
public class PublicCampaignController {

    private final FindingCampaign finding;

    public PublicCampaignController(FindingCampaign finding) {
        this.finding = finding;
    }

    @Operation(
            summary = "A campaign's rules",
            description = "Window, both sides' rewards, milestones, cashback and the hold period. A draft campaign is "
                    + "not public: 404 CAMPAIGN_NOT_FOUND, as for an unknown id. Cached for a minute.")
    @GetMapping("/api/v1/public/campaigns/{campaignId}")
    public ResponseEntity<PublicCampaignResponse> rules(@PathVariable long campaignId) {
        Campaign c = finding.require(campaignId);
        if (c.status() == CampaignStatus.DRAFT) {
            throw new LaxinException(InviteErrorCode.CAMPAIGN_NOT_FOUND, "No campaign with id " + campaignId);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(PublicCampaignResponse.of(c));
    }
}
