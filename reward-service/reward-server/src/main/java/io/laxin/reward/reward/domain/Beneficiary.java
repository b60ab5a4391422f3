package io.laxin.reward.reward.domain;

/** Which side of a referral a reward is for. */
public enum Beneficiary {
    REFERRER,
    INVITEE
}
