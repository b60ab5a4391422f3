package io.laxin.antifraud.screening.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        if (ruleId == RuleId.VIRTUAL_CARRIER
                && params != null
                && !params.isBlank()
                && !paramList().stream().allMatch(p -> p.matches("\\d{3}"))) {
            return Optional.of("VIRTUAL_CARRIER params must be three-digit prefixes separated by commas");
        }
        if (ruleId == RuleId.SINGLE_ORDER_INVITEES) {
            Optional<String> p = singleOrderProblem();
            if (p.isPresent()) {
                return p;
            }
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
        return Arrays.stream(params.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * A {@code key=value} parameter as a number ({@code min-invitees=5,window-days=30}); the fallback when absent.
     *
     * @throws NumberFormatException when the value is not a whole number (settings are checked before they are saved)
     */
    public long param(String key, long fallback) {
        String v = paramMap().get(key);
        return v == null ? fallback : Long.parseLong(v);
    }

    private Map<String, String> paramMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : paramList()) {
            int eq = p.indexOf('=');
            map.put(
                    eq < 0 ? p : p.substring(0, eq).trim(),
                    eq < 0 ? "" : p.substring(eq + 1).trim());
        }
        return map;
    }

    private Optional<String> singleOrderProblem() {
        if (threshold > 100) {
            return Optional.of("SINGLE_ORDER_INVITEES threshold is a share in percent (1–100), got " + threshold);
        }
        Map<String, String> map = paramMap();
        if (!Set.of(RuleId.MIN_INVITEES, RuleId.WINDOW_DAYS).containsAll(map.keySet())) {
            return Optional.of("SINGLE_ORDER_INVITEES params are " + RuleId.MIN_INVITEES + "=N and "
                    + RuleId.WINDOW_DAYS + "=D, got " + params);
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!e.getValue().matches("\\d{1,3}")
                    || Integer.parseInt(e.getValue()) < 1
                    || (e.getKey().equals(RuleId.WINDOW_DAYS) && Integer.parseInt(e.getValue()) > 365)) {
                return Optional.of("SINGLE_ORDER_INVITEES " + e.getKey() + " must be a whole number from 1 to "
                        + (e.getKey().equals(RuleId.WINDOW_DAYS) ? 365 : 999) + ", got '" + e.getValue() + "'");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "enabled=" + enabled + ", weight=" + weight + ", threshold=" + threshold
                + (params == null ? "" : ", params=" + params);
    }
}
