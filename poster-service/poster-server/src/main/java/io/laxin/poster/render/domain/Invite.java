package io.laxin.poster.render.domain;

/**
 * A user's invite in a campaign, as invite-service issued it: the code and the share link that carries it.
 *
 * @param miniProgramPage the campaign's WeChat mini-program page, or null when the campaign lands on its H5 page only
 * @param campaignName    the campaign's name (the built-in poster's headline), or null when invite-service sent none
 */
public record Invite(
        long campaignId, String userId, String code, String shareLink, String miniProgramPage, String campaignName) {

    public Invite(long campaignId, String userId, String code, String shareLink, String miniProgramPage) {
        this(campaignId, userId, code, shareLink, miniProgramPage, null);
    }

    public Invite {
        miniProgramPage = miniProgramPage == null || miniProgramPage.isBlank() ? null : miniProgramPage.strip();
    }
}
