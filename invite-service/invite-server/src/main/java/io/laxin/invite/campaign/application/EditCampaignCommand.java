package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.CampaignChanges;

/** Edit a campaign: the fields to change (null fields stay). */
public record EditCampaignCommand(long campaignId, CampaignChanges changes, String operatorId) {}
