package io.laxin.invite.touch.domain;

import io.laxin.invite.code.domain.Channel;

/** Where a share link sends a friend: the campaign's landing page, carrying the code and channel. */
public final class LandingUrl {

    private LandingUrl() {
    }

    public static String of(String landingUrl, String code, Channel channel) {
        return landingUrl + (landingUrl.contains("?") ? "&" : "?") + "inviteCode=" + code + "&channel=" + channel.tag();
    }

    /** The landing page for a revoked code: the campaign, with the channel but no code to credit. */
    public static String withoutCode(String landingUrl, Channel channel) {
        return landingUrl + (landingUrl.contains("?") ? "&" : "?") + "channel=" + channel.tag();
    }
}
