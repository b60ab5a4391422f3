package io.laxin.antifraud.screening.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: stored rule settings, decision thresholds, black- and whitelists and the audit trail of their changes.
 * Campaign 0 holds the global settings; a campaign's own row overrides it.
 */
public interface RuleSettings {

    /** Everything the hot path needs, read at once into memory. */
    record Snapshot(
            Map<Long, Map<RuleId, RuleSetting>> settings,
            Map<Long, DecisionThresholds> thresholds,
            List<RiskList> lists) {}

    /** One audited change: who, when, old → new. */
    record ConfigChange(
            long id,
            long campaignId,
            String subject,
            String oldValue,
            String newValue,
            String changedBy,
            Instant changedAt) {}

    Snapshot load(Instant now);

    Optional<RuleSetting> find(long campaignId, RuleId id);

    void save(long campaignId, RuleSetting setting, String by, Instant at);

    Optional<DecisionThresholds> findThresholds(long campaignId);

    void saveThresholds(long campaignId, DecisionThresholds thresholds, String by, Instant at);

    void audit(long campaignId, String subject, String oldValue, String newValue, String by, Instant at);

    List<ConfigChange> changes(Long campaignId, int limit);

    long addListEntry(RiskList entry);

    Optional<RiskList> findListEntry(long id);

    /** Removes an entry; false when it was already gone. */
    boolean removeListEntry(long id, Instant at);

    List<RiskList> activeLists(Instant now);
}
