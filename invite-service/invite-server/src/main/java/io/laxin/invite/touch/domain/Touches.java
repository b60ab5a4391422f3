package io.laxin.invite.touch.domain;

/** Port: recorded touches. */
public interface Touches {

    void record(Touch touch);

    long countByCampaign(long campaignId);
}
