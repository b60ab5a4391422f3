package io.laxin.invite.campaign.domain;

import java.time.Instant;
import java.util.List;

/** Port: the users designated to refer in a campaign whose referrers are DESIGNATED. */
public interface DesignatedReferrers {

    /** Adds the users (those already listed stay as they were); returns how many were new. */
    int add(long campaignId, List<String> userIds, String addedBy, Instant at);

    /** Removes the users; returns how many were listed. */
    int remove(long campaignId, List<String> userIds);

    boolean contains(long campaignId, String userId);

    /** The designated users, in the order they were added (then by user id). */
    Page page(long campaignId, int page, int size);

    record Designated(String userId, Instant addedAt, String addedBy) {}

    record Page(List<Designated> items, long total, int page, int size) {}
}
