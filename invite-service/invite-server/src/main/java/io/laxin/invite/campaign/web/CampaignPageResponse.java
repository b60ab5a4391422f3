package io.laxin.invite.campaign.web;

import java.util.List;

/** One page of campaigns, newest first, with the number of campaigns matching the filter. */
public record CampaignPageResponse(List<CampaignResponse> items, long total, int page, int size) {}
