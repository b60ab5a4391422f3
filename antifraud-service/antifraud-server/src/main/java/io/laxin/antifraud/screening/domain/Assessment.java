package io.laxin.antifraud.screening.domain;

import java.util.List;

/** The outcome of the rules: verdict, score 0–100 and the reasons that produced it. */
public record Assessment(Verdict verdict, int score, List<Finding> findings) {

    public enum Verdict { PASS, REVIEW, REJECT }

    /** One rule that fired. */
    public record Finding(String ruleId, String detail, int weight) {
    }
}
