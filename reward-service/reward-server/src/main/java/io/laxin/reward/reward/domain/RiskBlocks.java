package io.laxin.reward.reward.domain;

import java.time.Instant;

/** Port: invitees a fraud verdict rejected; their rewards are revoked, and none is issued later. */
public interface RiskBlocks {

    void block(long campaignId, String inviteeUserId, String reason, String eventId, Instant at);

    boolean isBlocked(long campaignId, String inviteeUserId);
}
