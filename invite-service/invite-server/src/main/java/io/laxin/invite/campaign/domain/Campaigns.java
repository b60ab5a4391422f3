package io.laxin.invite.campaign.domain;

import java.util.Optional;

/** Port: stored campaigns. */
public interface Campaigns {

    Campaign add(Campaign campaign);

    Optional<Campaign> find(long id);
}
