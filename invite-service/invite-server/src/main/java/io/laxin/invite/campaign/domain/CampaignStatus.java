package io.laxin.invite.campaign.domain;

/** Lifecycle of a campaign. The foundation creates campaigns ACTIVE; drafts and pausing come with campaign editing. */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, ENDED
}
