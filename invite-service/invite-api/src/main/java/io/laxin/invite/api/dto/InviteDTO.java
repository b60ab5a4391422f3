package io.laxin.invite.api.dto;

/**
 * A user's invite code in a campaign and the share link that carries it.
 *
 * @param miniProgramPage the campaign's WeChat mini-program page path (e.g. {@code pages/invite/index}), or null when
 *                        the campaign lands only on its H5 URL; a poster then shows a mini-program code, not a QR
 * @param campaignName    the campaign's name, the headline of the built-in poster (null from an older invite-service)
 */
public record InviteDTO(
        long campaignId, String userId, String code, String shareLink, String miniProgramPage, String campaignName) {

    public InviteDTO(long campaignId, String userId, String code, String shareLink, String miniProgramPage) {
        this(campaignId, userId, code, shareLink, miniProgramPage, null);
    }
}
