package io.laxin.invite.campaign.domain;

/** Who may hand out invite codes in a campaign: everyone, or only the users an operator designated. */
public enum WhoMayRefer {
    EVERYONE,
    DESIGNATED
}
