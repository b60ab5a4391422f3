package io.laxin.antifraud.screening.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One rule's setting for a campaign: on/off, its weight in the score, its threshold and its parameters. */
public record RuleSetting(RuleId ruleId, boolean enabled, int weight, long threshold, String params) {

    /** Why this setting cannot be used, or empty when it is valid. */
    public Optional<String> problem() {
        if (weight < 0 || weight > 100) {
            return Optional.of("weight must be between 0 and 100, got " + weight);
        }
        if (threshold < 0) {
            return Optional.of("threshold must not be negative, got " + threshold);
        }
        if (ruleId.hasThreshold() && threshold == 0) {
            return Optional.of(ruleId + " needs a threshold above 0");
        }
        if (ruleId == RuleId.VIRTUAL_CARRIER && params != null && !params.isBlank()
                && !paramList().stream().allMatch(p -> p.matches("\\d{3}"))) {
            return Optional.of("VIRTUAL_CARRIER params must be three-digit prefixes separated by commas");
        }
        if (params != null && params.length() > 500) {
            return Optional.of("params must be at most 500 characters");
        }
        return Optional.empty();
    }

    public List<String> paramList() {
        if (params == null || params.isBlank()) {
            return List.of();
        }
        return Arrays.stream(params.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "enabled=" + enabled + ", weight=" + weight + ", threshold=" + threshold
                + (params == null ? "" : ", params=" + params);
    }
}
