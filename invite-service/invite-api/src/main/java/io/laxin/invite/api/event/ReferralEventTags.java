package io.laxin.invite.api.event;

/** RocketMQ tags on the referral topic ({@code laxin.topics.referral}). */
public final class ReferralEventTags {

    public static final String ATTRIBUTED = "ATTRIBUTED";
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    public static final String REJECTED = "REJECTED";
    /** An operator revoked an invite code ({@code InviteCodeChangedEvent}); it no longer brings invitees. */
    public static final String CODE_REVOKED = "CODE_REVOKED";
    /** A user's active code was replaced by an approved vanity code ({@code InviteCodeChangedEvent}, the new code). */
    public static final String CODE_REPLACED = "CODE_REPLACED";

    private ReferralEventTags() {}
}
