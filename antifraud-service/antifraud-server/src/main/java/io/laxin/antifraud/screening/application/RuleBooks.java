package io.laxin.antifraud.screening.application;

import io.laxin.antifraud.AntifraudProperties;
import io.laxin.antifraud.screening.domain.DecisionThresholds;
import io.laxin.antifraud.screening.domain.ListBook;
import io.laxin.antifraud.screening.domain.RuleBook;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.antifraud.screening.domain.RuleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rule settings and lists cached in memory for the hot path. Reloaded from the database when the shared config
 * version (read with the counters) differs from the loaded one — i.e. on the first screening after any change, on
 * any replica — when a change was made on this replica, and at the latest after {@code refresh} (lists expire).
 */
@Component
public class RuleBooks {

    private final RuleSettings store;
    private final Clock clock;
    private final Duration refresh;
    private volatile Loaded loaded;

    private record Loaded(long version, Instant at, RuleSettings.Snapshot snapshot, ListBook lists) {}

    @Autowired
    public RuleBooks(RuleSettings store, Clock clock, AntifraudProperties properties) {
        this(store, clock, properties.rules().refresh());
    }

    public RuleBooks(RuleSettings store, Clock clock, Duration refresh) {
        this.store = store;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** Drop the cache (after a change on this replica). */
    public void invalidate() {
        loaded = null;
    }

    private Loaded current(long seenVersion) {
        Loaded l = loaded;
        Instant now = clock.instant();
        if (l == null || l.version() != seenVersion || now.isAfter(l.at().plus(refresh)) || now.isBefore(l.at())) {
            RuleSettings.Snapshot s = store.load(now);
            l = new Loaded(seenVersion, now, s, new ListBook(s.lists()));
            loaded = l;
        }
        return l;
    }

    public RuleBook book(long campaignId, long seenVersion) {
        return merge(campaignId, current(seenVersion).snapshot());
    }

    public ListBook lists(long seenVersion) {
        return current(seenVersion).lists();
    }

    /** The effective rule book straight from the database (admin reads). */
    public RuleBook fresh(long campaignId) {
        return merge(campaignId, store.load(clock.instant()));
    }

    /** Every campaign's effective rules from one read of the database (the late analysis). */
    public AllBooks freshAll() {
        RuleSettings.Snapshot s = store.load(clock.instant());
        Map<Long, RuleBook> books = new LinkedHashMap<>();
        for (long campaignId : s.settings().keySet()) {
            books.put(campaignId, merge(campaignId, s));
        }
        books.putIfAbsent(0L, merge(0L, s));
        return new AllBooks(books);
    }

    /**
     * The rule books of campaign 0 (global) and of every campaign with settings of its own; any other campaign
     * follows the global one.
     */
    public record AllBooks(Map<Long, RuleBook> books) {

        public RuleBook of(long campaignId) {
            return books.getOrDefault(campaignId, books.get(0L));
        }

        public RuleBook global() {
            return books.get(0L);
        }
    }

    static RuleBook merge(long campaignId, RuleSettings.Snapshot s) {
        Map<RuleId, RuleSetting> settings = new EnumMap<>(RuleId.class);
        settings.putAll(s.settings().getOrDefault(0L, Map.of()));
        if (campaignId != 0) {
            settings.putAll(s.settings().getOrDefault(campaignId, Map.of()));
        }
        DecisionThresholds t =
                s.thresholds().getOrDefault(campaignId, s.thresholds().getOrDefault(0L, DecisionThresholds.DEFAULTS));
        return new RuleBook(campaignId, settings, t);
    }
}
