package io.laxin.invite.referral.domain;

/** Outcome of a reported registration. PENDING_REVIEW moves on with a later risk decision. */
public enum ReferralStatus {
    ATTRIBUTED,
    PENDING_REVIEW,
    REJECTED
}
