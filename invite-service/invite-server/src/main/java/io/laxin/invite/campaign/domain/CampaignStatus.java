package io.laxin.invite.campaign.domain;

import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a campaign: DRAFT → ACTIVE ⇄ PAUSED, ACTIVE or PAUSED → ENDED; ENDED is final. Only an ACTIVE
 * campaign issues codes and attributes registrations (within its time window).
 */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    ENDED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> NEXT = Map.of(
            DRAFT, Set.of(ACTIVE),
            ACTIVE, Set.of(PAUSED, ENDED),
            PAUSED, Set.of(ACTIVE, ENDED),
            ENDED, Set.of());

    public boolean canMoveTo(CampaignStatus next) {
        return NEXT.get(this).contains(next);
    }
}
