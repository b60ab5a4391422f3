package io.laxin.invite.campaign.domain;

import java.time.Instant;

/**
 * A referral campaign: its window, attribution window, landing page and the reward policy version in force.
 *
 * @param id                    null until stored
 * @param attributionWindowDays how long after a touch a registration still counts for the referrer
 */
public record Campaign(
        Long id,
        String name,
        CampaignStatus status,
        Instant startsAt,
        Instant endsAt,
        int attributionWindowDays,
        BindingMode bindingMode,
        String landingUrl,
        RewardPolicy rewardPolicy,
        int policyVersion,
        String createdBy) {

    public Campaign {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A campaign needs a name");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        if (attributionWindowDays < 1 || attributionWindowDays > 365) {
            throw new IllegalArgumentException("attributionWindowDays must be within 1..365");
        }
    }

    /** A new campaign, active at once (the foundation has no draft step yet). */
    public static Campaign launch(String name, Instant startsAt, Instant endsAt, int attributionWindowDays,
                                  BindingMode bindingMode, String landingUrl, RewardPolicy policy, String createdBy) {
        return new Campaign(null, name, CampaignStatus.ACTIVE, startsAt, endsAt, attributionWindowDays,
                bindingMode == null ? BindingMode.FIRST_TOUCH : bindingMode, landingUrl, policy, 1, createdBy);
    }

    public java.time.Duration attributionWindow() {
        return java.time.Duration.ofDays(attributionWindowDays);
    }

    /** Whether codes may be issued and registrations attributed at this instant. */
    public boolean isOpenAt(Instant at) {
        return status == CampaignStatus.ACTIVE && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    public Campaign withId(long newId) {
        return new Campaign(newId, name, status, startsAt, endsAt, attributionWindowDays, bindingMode, landingUrl,
                rewardPolicy, policyVersion, createdBy);
    }
}
