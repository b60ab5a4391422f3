package io.laxin.invite.code.web;

import io.laxin.invite.code.application.IssuedInvite;

/** My invite code and share link, and the campaign's mini-program page when it has one. */
public record InviteResponse(long campaignId, String code, String shareLink, String miniProgramPage) {

    static InviteResponse of(IssuedInvite i) {
        return new InviteResponse(i.campaignId(), i.code(), i.shareLink(), i.miniProgramPage());
    }
}
