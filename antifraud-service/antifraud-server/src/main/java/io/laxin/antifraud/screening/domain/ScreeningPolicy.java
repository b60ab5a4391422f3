package io.laxin.antifraud.screening.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules that screen a registration and the score thresholds that turn findings into a verdict.
 * Foundation rule set: self-referral by a shared user id, device or phone. Later rules add weighted findings.
 */
public final class ScreeningPolicy {

    public static final String SELF_REFERRAL = "SELF_REFERRAL";
    private static final int MAX_SCORE = 100;

    private final int reviewAt;
    private final int rejectAt;

    /**
     * @param reviewAt scores at or above this go to review
     * @param rejectAt scores at or above this are rejected
     */
    public ScreeningPolicy(int reviewAt, int rejectAt) {
        if (reviewAt <= 0 || rejectAt < reviewAt || rejectAt > MAX_SCORE) {
            throw new IllegalArgumentException("Need 0 < reviewAt <= rejectAt <= 100, got " + reviewAt + "/" + rejectAt);
        }
        this.reviewAt = reviewAt;
        this.rejectAt = rejectAt;
    }

    public static ScreeningPolicy defaults() {
        return new ScreeningPolicy(55, 70);
    }

    public Assessment assess(RegistrationFacts facts) {
        List<Assessment.Finding> findings = new ArrayList<>();
        selfReferral(facts, findings);
        int score = Math.min(MAX_SCORE, findings.stream().mapToInt(Assessment.Finding::weight).sum());
        Assessment.Verdict verdict = score >= rejectAt ? Assessment.Verdict.REJECT
                : score >= reviewAt ? Assessment.Verdict.REVIEW : Assessment.Verdict.PASS;
        return new Assessment(verdict, score, List.copyOf(findings));
    }

    private static void selfReferral(RegistrationFacts f, List<Assessment.Finding> findings) {
        if (Objects.equals(f.referrerUserId(), f.inviteeUserId())) {
            findings.add(new Assessment.Finding(SELF_REFERRAL, "The invitee is the referrer (same user id)", MAX_SCORE));
        } else if (sameKnown(f.referrerDeviceId(), f.inviteeDeviceId())) {
            findings.add(new Assessment.Finding(SELF_REFERRAL, "Referrer and invitee share a device", MAX_SCORE));
        } else if (sameKnown(f.referrerPhoneHash(), f.inviteePhoneHash())) {
            findings.add(new Assessment.Finding(SELF_REFERRAL, "Referrer and invitee share a phone number",
                    MAX_SCORE));
        }
    }

    private static boolean sameKnown(String a, String b) {
        return a != null && !a.isBlank() && a.equals(b);
    }
}
