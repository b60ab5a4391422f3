package io.laxin.invite.campaign.web;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.Landing;
import io.laxin.invite.campaign.domain.WhoMayRefer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A new campaign; {@code status} DRAFT keeps it editable and inactive until activated (default ACTIVE). */
@Schema(example = """
        {"name":"Spring referral","startsAt":"2026-11-01T00:00:00Z","endsAt":"2027-01-01T00:00:00Z",
         "attributionWindowDays":7,"landingUrl":"https://brand.example/register",
         "rewardPolicy":{"referrerReward":{"kind":"POINTS","amount":500},
                         "inviteeReward":{"kind":"POINTS","amount":500},"holdDays":7}}""")
public record CreateCampaignRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull @Min(1) @Max(365) Integer attributionWindowDays,

        @Schema(description = "FIRST_TOUCH (default), CODE_AT_REGISTRATION or LAST_TOUCH")
        BindingMode bindingMode,

        @Schema(description = "the H5 landing page (http or https); this and/or miniProgramPage")
        @Size(max = 500)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String landingUrl,

        @Schema(description = "a WeChat mini-program page path like pages/invite/index (no leading slash, no query)")
        @Size(max = Landing.MAX_PAGE_LENGTH)
        @Pattern(regexp = Landing.PAGE_PATTERN, message = "must be a page path like pages/invite/index")
        String miniProgramPage,

        @Schema(
                description = "who may refer: EVERYONE (default) or DESIGNATED (the users listed at "
                        + "/api/v1/admin/campaigns/{id}/referrers)")
        WhoMayRefer referrers,

        @NotNull @Valid RewardPolicyDTO rewardPolicy,

        @Schema(description = "ACTIVE (default: launched at once) or DRAFT")
        @Pattern(regexp = "DRAFT|ACTIVE", message = "must be DRAFT or ACTIVE")
        String status,

        @Schema(
                description =
                        "whether touches under raw client device ids still attribute, as before device tokens "
                                + "(ADR 0005; a migration setting, default false: only device tokens the suite issued attribute)")
        Boolean legacyDeviceIds) {

    boolean draft() {
        return "DRAFT".equals(status);
    }
}
