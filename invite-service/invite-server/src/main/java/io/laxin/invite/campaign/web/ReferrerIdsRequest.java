package io.laxin.invite.campaign.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Users to add to (or remove from) a campaign's designated referrers: 1 to 1000 user ids. */
@Schema(example = """
        {"userIds":["u-1001","u-1002","u-1003"]}""")
public record ReferrerIdsRequest(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 64) String> userIds) {}
