package io.laxin.invite.campaign.web;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.CampaignChanges;
import io.laxin.invite.campaign.domain.Landing;
import io.laxin.invite.campaign.domain.WhoMayRefer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A partial edit of a campaign: fields left out (or null) stay as they are. A DRAFT takes every field; an ACTIVE or
 * PAUSED campaign only name, endsAt, landingUrl, miniProgramPage, referrers, legacyDeviceIds and rewardPolicy.
 */
@Schema(example = """
        {"name":"Spring referral (extended)","endsAt":"2027-02-01T00:00:00Z",
         "rewardPolicy":{"referrerReward":{"kind":"POINTS","amount":800},
                         "inviteeReward":{"kind":"POINTS","amount":500},"holdDays":7,
                         "milestones":[{"nth":3,"reward":{"kind":"CASH","amount":1000}}],
                         "caps":{"perDay":5,"perMonth":50},"budgetFen":5000000}}""")
public record EditCampaignRequest(
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 100)
        String name,

        Instant startsAt,
        Instant endsAt,
        @Min(1) @Max(365) Integer attributionWindowDays,
        BindingMode bindingMode,

        @Schema(description = "\"\" removes it (the campaign keeps a landingUrl and/or a miniProgramPage)")
        @Size(max = 500)
        @Pattern(regexp = "|https?://\\S+", message = "must be an http(s) URL")
        String landingUrl,

        @Schema(description = "a page path like pages/invite/index; \"\" removes it")
        @Size(max = Landing.MAX_PAGE_LENGTH)
        @Pattern(regexp = "|" + Landing.PAGE_PATTERN, message = "must be a page path like pages/invite/index")
        String miniProgramPage,

        @Schema(description = "EVERYONE or DESIGNATED; may change at any time")
        WhoMayRefer referrers,

        @Valid RewardPolicyDTO rewardPolicy,

        @Schema(description = "false stops raw device ids attributing (ADR 0005); may change at any time")
        Boolean legacyDeviceIds) {

    CampaignChanges changes() {
        return new CampaignChanges(
                name,
                startsAt,
                endsAt,
                attributionWindowDays,
                bindingMode,
                landingUrl,
                miniProgramPage,
                referrers,
                rewardPolicy == null ? null : RewardPolicyDtos.fromRequest(rewardPolicy),
                legacyDeviceIds);
    }
}
