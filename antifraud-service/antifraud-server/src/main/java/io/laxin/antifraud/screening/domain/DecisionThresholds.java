package io.laxin.antifraud.screening.domain;

import java.util.Optional;

/**
 * Score → verdict: PASS below {@code reviewAt}, REVIEW from {@code reviewAt}, REJECT from {@code rejectAt}.
 * Defaults 55 / 70.
 */
public record DecisionThresholds(int reviewAt, int rejectAt) {

    public static final DecisionThresholds DEFAULTS = new DecisionThresholds(55, 70);

    public Optional<String> problem() {
        if (reviewAt <= 0 || rejectAt < reviewAt || rejectAt > 100) {
            return Optional.of("need 0 < reviewAt <= rejectAt <= 100, got " + reviewAt + "/" + rejectAt);
        }
        return Optional.empty();
    }

    public Assessment.Verdict verdictFor(int score) {
        return score >= rejectAt
                ? Assessment.Verdict.REJECT
                : score >= reviewAt ? Assessment.Verdict.REVIEW : Assessment.Verdict.PASS;
    }

    @Override
    public String toString() {
        return "reviewAt=" + reviewAt + ", rejectAt=" + rejectAt;
    }
}
