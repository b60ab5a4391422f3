package io.laxin.reward.reward.domain;

/** Why a reward was earned. */
public enum RewardSource {
    /** The two-sided reward of an attributed referral. */
    REFERRAL,
    /** The referrer's bonus for their Nth attributed invitee. */
    MILESTONE,
    /** The referrer's share of an invitee's paid order. */
    CASHBACK,
    /** A bonus on the invitee's first qualifying order (either side). */
    FIRST_ORDER,
    /** A negative amount taking back part of a reward that was already released (refund or fraud after release). */
    ADJUSTMENT
}
