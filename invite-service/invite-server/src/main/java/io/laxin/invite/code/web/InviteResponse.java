package io.laxin.invite.code.web;

import io.laxin.invite.code.application.IssuedInvite;

/** My invite code and share link. */
public record InviteResponse(long campaignId, String code, String shareLink) {

    static InviteResponse of(IssuedInvite i) {
        return new InviteResponse(i.campaignId(), i.code(), i.shareLink());
    }
}
