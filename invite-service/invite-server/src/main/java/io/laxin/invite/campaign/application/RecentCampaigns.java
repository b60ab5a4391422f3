package io.laxin.invite.campaign.application;

import io.laxin.invite.InviteProperties;
import io.laxin.invite.campaign.domain.Campaign;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Campaigns for the share-link hot path, kept in memory for {@code laxin.invite.campaign-cache-ttl} (5 s): a link
 * resolve needs the landing URL and the attribution window, and must not cost two MySQL reads (campaign and policy)
 * per request. An edit reaches every replica's share links within the TTL; attribution and code issuance still read
 * the campaign fresh.
 */
@Service
public class RecentCampaigns {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Campaign campaign, Instant expiresAt) {}

    private final LongFunction<Campaign> lookup;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    @Autowired
    public RecentCampaigns(FindingCampaign finding, Clock clock, InviteProperties properties) {
        this(finding::require, clock, properties.campaignCacheTtl());
    }

    RecentCampaigns(LongFunction<Campaign> lookup, Clock clock, Duration ttl) {
        this.lookup = lookup;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The campaign as read at most {@code ttl} ago, or 404 CAMPAIGN_NOT_FOUND. */
    public Campaign require(long id) {
        Instant now = clock.instant();
        Entry e = cache.get(id);
        if (e != null && now.isBefore(e.expiresAt())) {
            return e.campaign();
        }
        Campaign c = lookup.apply(id);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(id, new Entry(c, now.plus(ttl)));
        return c;
    }
}
