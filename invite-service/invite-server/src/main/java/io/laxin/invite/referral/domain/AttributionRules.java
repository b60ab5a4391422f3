package io.laxin.invite.referral.domain;

import java.util.List;
import java.util.Optional;

/** The attribution rules invite-service itself enforces before (and instead of) asking for risk screening. */
public final class AttributionRules {

    public static final String SELF_REFERRAL = "SELF_REFERRAL";

    private AttributionRules() {
    }

    /** A refusal that needs no screening: the invitee used their own code. */
    public static Optional<List<String>> refuseWithoutScreening(String referrerUserId, String inviteeUserId) {
        if (referrerUserId.equals(inviteeUserId)) {
            return Optional.of(List.of(SELF_REFERRAL + ": the invitee registered with their own code"));
        }
        return Optional.empty();
    }

    /** PASS attributes, REVIEW holds for an operator, REJECT refuses. */
    public static ReferralStatus statusFor(RiskScreening.Verdict verdict) {
        return switch (verdict) {
            case PASS -> ReferralStatus.ATTRIBUTED;
            case REVIEW -> ReferralStatus.PENDING_REVIEW;
            case REJECT -> ReferralStatus.REJECTED;
        };
    }
}
