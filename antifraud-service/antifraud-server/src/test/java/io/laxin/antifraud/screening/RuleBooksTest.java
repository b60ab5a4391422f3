package io.laxin.antifraud.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.screening.application.RuleBooks;
import io.laxin.antifraud.screening.domain.DecisionThresholds;
import io.laxin.antifraud.screening.domain.RiskList;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.antifraud.screening.domain.RuleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory rule cache: reloaded when another replica's change bumps the version, or after the refresh. */
class RuleBooksTest {

    /** A stored configuration that counts how often it is read. */
    private static final class CountingSettings implements RuleSettings {
        final Map<Long, Map<RuleId, RuleSetting>> settings = new HashMap<>();
        int loads;

        @Override
        public Snapshot load(Instant now) {
            loads++;
            Map<Long, Map<RuleId, RuleSetting>> copy = new HashMap<>();
            settings.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return new Snapshot(copy, Map.of(), List.of());
        }

        @Override
        public Optional<RuleSetting> find(long campaignId, RuleId id) {
            return Optional.empty();
        }

        @Override
        public void save(long campaignId, RuleSetting setting, String by, Instant at) {}

        @Override
        public Optional<DecisionThresholds> findThresholds(long campaignId) {
            return Optional.empty();
        }

        @Override
        public void saveThresholds(long c, DecisionThresholds t, String by, Instant at) {}

        @Override
        public void audit(long c, String s, String o, String n, String by, Instant at) {}

        @Override
        public List<ConfigChange> changes(Long campaignId, int limit) {
            return List.of();
        }

        @Override
        public long addListEntry(RiskList entry) {
            return 0;
        }

        @Override
        public Optional<RiskList> findListEntry(long id) {
            return Optional.empty();
        }

        @Override
        public boolean removeListEntry(long id, Instant at) {
            return false;
        }

        @Override
        public List<RiskList> activeLists(Instant now) {
            return List.of();
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldServeFromMemoryUntilTheSharedVersionChanges() {
        CountingSettings store = new CountingSettings();
        MovableClock clock = new MovableClock();
        RuleBooks books = new RuleBooks(store, clock, Duration.ofSeconds(30));

        assertThat(books.book(7, 1).setting(RuleId.IP_VELOCITY).threshold()).isEqualTo(5);
        books.book(7, 1);
        books.lists(1);
        assertThat(store.loads).isEqualTo(1);

        // another replica changes the rule and bumps the version: the next screening here sees it
        store.settings.put(7L, Map.of(RuleId.IP_VELOCITY, new RuleSetting(RuleId.IP_VELOCITY, true, 80, 1, null)));
        assertThat(books.book(7, 2).setting(RuleId.IP_VELOCITY).threshold()).isEqualTo(1);
        assertThat(store.loads).isEqualTo(2);
        // campaign settings override the global ones, which override the defaults
        store.settings.put(0L, Map.of(RuleId.TOO_FAST, new RuleSetting(RuleId.TOO_FAST, false, 35, 5, null)));
        books.invalidate();
        assertThat(books.book(8, 2).setting(RuleId.TOO_FAST).enabled()).isFalse();
        assertThat(books.book(8, 2).setting(RuleId.IP_VELOCITY).threshold()).isEqualTo(5);
        assertThat(store.loads).isEqualTo(3);

        clock.now = clock.now.plusSeconds(31);
        books.book(7, 2);
        assertThat(store.loads).isEqualTo(4);
    }
}
