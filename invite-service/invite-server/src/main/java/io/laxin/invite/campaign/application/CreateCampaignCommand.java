package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.RewardPolicy;
import io.laxin.invite.campaign.domain.WhoMayRefer;
import java.time.Instant;

/** Create a campaign: launched at once, or a draft to edit and activate later. */
public record CreateCampaignCommand(
        String name,
        Instant startsAt,
        Instant endsAt,
        int attributionWindowDays,
        BindingMode bindingMode,
        String landingUrl,
        String miniProgramPage,
        WhoMayRefer referrers,
        RewardPolicy rewardPolicy,
        String operatorId,
        boolean draft,
        boolean legacyDeviceIds) {}
