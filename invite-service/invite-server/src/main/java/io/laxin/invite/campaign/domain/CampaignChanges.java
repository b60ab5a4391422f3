package io.laxin.invite.campaign.domain;

import java.time.Instant;

/**
 * An operator's edit of a campaign: each field null when it stays as it is; an empty landingUrl or miniProgramPage
 * removes it (the campaign keeps at least one of them).
 */
public record CampaignChanges(
        String name,
        Instant startsAt,
        Instant endsAt,
        Integer attributionWindowDays,
        BindingMode bindingMode,
        String landingUrl,
        String miniProgramPage,
        WhoMayRefer referrers,
        RewardPolicy rewardPolicy,
        Boolean legacyDeviceIds) {}
