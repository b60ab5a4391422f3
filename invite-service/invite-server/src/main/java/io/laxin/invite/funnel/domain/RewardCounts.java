package io.laxin.invite.funnel.domain;

import java.util.OptionalLong;

/** Port: how many rewards reward-service has issued for a campaign (empty when it cannot be asked now). */
public interface RewardCounts {

    OptionalLong issued(long campaignId);
}
