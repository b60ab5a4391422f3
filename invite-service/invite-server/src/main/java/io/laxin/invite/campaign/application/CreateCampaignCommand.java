package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.RewardPolicy;

import java.time.Instant;

/** Create (and launch) a campaign. */
public record CreateCampaignCommand(String name, Instant startsAt, Instant endsAt, int attributionWindowDays,
                                    BindingMode bindingMode,
                                    String landingUrl, RewardPolicy rewardPolicy, String operatorId) {
}
