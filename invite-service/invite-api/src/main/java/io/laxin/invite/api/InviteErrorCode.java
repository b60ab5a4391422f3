package io.laxin.invite.api;

import io.laxin.kernel.api.ErrorCode;

/** invite-service refusals, range 20000–20999. */
public enum InviteErrorCode implements ErrorCode {
    CAMPAIGN_NOT_FOUND(20001, 404, "No such campaign"),
    CAMPAIGN_NOT_ACTIVE(20002, 409, "The campaign is not accepting invites now"),
    INVITE_CODE_MALFORMED(20003, 400, "An invite code is 4 to 16 letters and digits"),
    INVITE_CODE_NOT_FOUND(20004, 404, "No such invite code in this campaign"),
    CAMPAIGN_INVALID(20005, 400, "The campaign definition is not valid"),
    INVITEE_ALREADY_BOUND(20006, 409, "The invitee is already bound to another referrer in this campaign"),
    NO_REFERRER_FOUND(20007, 422, "Neither an invite code nor a recent touch from this device names a referrer"),
    CAMPAIGN_TRANSITION_REFUSED(20008, 409, "The campaign cannot move to that status from its current one"),
    CAMPAIGN_NOT_EDITABLE(20009, 409, "The campaign's status does not allow this change"),
    INVITE_CODE_REVOKED(20010, 410, "The invite code has been revoked"),
    REFERRER_NOT_DESIGNATED(20011, 403, "Only designated users may refer in this campaign"),
    VANITY_CODE_INVALID(20012, 400, "A vanity code is 4 to 16 letters A-Z and digits, with at least one letter"),
    VANITY_CODE_RESERVED(20013, 422, "That vanity code is reserved"),
    VANITY_CODE_TAKEN(20014, 409, "That code is taken or requested by someone else"),
    VANITY_REQUEST_PENDING(20015, 409, "The user already has a vanity code request pending in this campaign"),
    VANITY_REQUEST_NOT_FOUND(20016, 404, "No such vanity code request in this campaign"),
    VANITY_REQUEST_DECIDED(20017, 409, "The vanity code request was already approved or rejected"),
    INVITE_SCENE_MALFORMED(20018, 400, "A scene is i=<invite code>&c=<channel>, at most 128 characters"),
    POLICY_VERSION_NOT_FOUND(20019, 404, "The campaign has no reward policy of that version");

    private final Spec spec;

    InviteErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
