package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.CampaignStatus;

/** Activate, pause or end a campaign. */
public record ChangeCampaignStatusCommand(long campaignId, CampaignStatus target, String operatorId) {}
