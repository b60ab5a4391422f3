package io.laxin.invite.touch.domain;

import io.laxin.invite.code.domain.Channel;

/** Where a share link sends a friend: the campaign's landing page, carrying the code and channel. */
public final class LandingUrl {

    private LandingUrl() {
    }

    public static String of(String landingUrl, String code, Channel channel) {
        String separator = landingUrl.contains("?") ? "&" : "?";
        return landingUrl + separator + "inviteCode=" + code + "&channel=" + channel.tag();
    }
}
