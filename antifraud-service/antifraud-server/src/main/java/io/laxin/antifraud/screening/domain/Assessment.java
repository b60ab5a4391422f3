package io.laxin.antifraud.screening.domain;

import java.util.List;

/** The outcome of the rules: verdict, score 0–100 and the reasons that produced it. */
public record Assessment(Verdict verdict, int score, List<Finding> findings) {

    public enum Verdict {
        PASS,
        REVIEW,
        REJECT
    }

    /**
     * One rule that fired.
     *
     * @param observed  what was seen (a count, seconds, a prefix), null for a plain match
     * @param threshold what it was compared with, null when the rule has no threshold
     */
    public record Finding(String ruleId, String detail, int weight, String observed, String threshold) {

        public Finding(String ruleId, String detail, int weight) {
            this(ruleId, detail, weight, null, null);
        }
    }
}
