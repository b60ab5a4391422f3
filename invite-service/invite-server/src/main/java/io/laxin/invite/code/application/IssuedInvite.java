package io.laxin.invite.code.application;

/**
 * A user's code and the share link that carries it.
 *
 * @param miniProgramPage the campaign's mini-program page (poster-service draws a mini-program code for it), or null
 */
public record IssuedInvite(
        long campaignId, String userId, String code, String shareLink, String miniProgramPage, String campaignName) {}
