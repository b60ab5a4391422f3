package io.laxin.invite.code.domain;

/** A user's code in one campaign, and whether it is the user's current one, a retired one, or revoked. */
public record InviteCode(long campaignId, String userId, String code, CodeStatus status) {

    /** A new code: the user's active one. */
    public static InviteCode issued(long campaignId, String userId, String code) {
        return new InviteCode(campaignId, userId, code, CodeStatus.ACTIVE);
    }

    public boolean revoked() {
        return status == CodeStatus.REVOKED;
    }
}
