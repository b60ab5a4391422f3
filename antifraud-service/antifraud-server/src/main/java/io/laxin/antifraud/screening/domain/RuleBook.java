package io.laxin.antifraud.screening.domain;

import java.util.EnumMap;
import java.util.Map;

/** The effective rules of one campaign: shipped defaults, overridden by the global then the campaign's settings. */
public record RuleBook(long campaignId, Map<RuleId, RuleSetting> settings, DecisionThresholds thresholds) {

    public RuleBook {
        EnumMap<RuleId, RuleSetting> all = new EnumMap<>(RuleId.class);
        for (RuleId id : RuleId.values()) {
            all.put(id, id.defaults());
        }
        all.putAll(settings);
        settings = Map.copyOf(all);
    }

    public static RuleBook defaults(long campaignId) {
        return new RuleBook(campaignId, Map.of(), DecisionThresholds.DEFAULTS);
    }

    public RuleSetting setting(RuleId id) {
        return settings.get(id);
    }
}
