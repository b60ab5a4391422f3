package io.laxin.invite.touch.domain;

import io.laxin.invite.code.domain.Channel;

/**
 * Where a share link sends a friend: the campaign's H5 landing page carrying the code and channel, or — for a
 * campaign that lands only in its WeChat mini-program — the mini-program page path carrying them.
 *
 * @param redirect        the H5 URL to redirect to, or null when the campaign has none
 * @param miniProgramPage the mini-program page to open instead, or null when there is an H5 page
 * @param miniProgramPath that page with the code and channel as query, or null
 */
public record LandingUrl(String redirect, String miniProgramPage, String miniProgramPath) {

    /** The campaign's landing for a code: its H5 page if it has one, else its mini-program page. */
    public static LandingUrl of(String landingUrl, String miniProgramPage, String code, Channel channel) {
        String query = "inviteCode=" + code + "&channel=" + channel.tag();
        return landingUrl != null
                ? redirect(withQuery(landingUrl, query))
                : new LandingUrl(null, miniProgramPage, withQuery(miniProgramPage, query));
    }

    /** The landing page for a revoked code: the campaign, with the channel but no code to credit. */
    public static LandingUrl withoutCode(String landingUrl, Channel channel) {
        return redirect(withQuery(landingUrl, "channel=" + channel.tag()));
    }

    /**
     * This landing with the device token a share link gave the device appended to the H5 page as {@code laxinDevice},
     * for the host to report as the registration's deviceId (ADR 0005). A mini-program landing is left as it is: the
     * mini-program gets its token from its scan.
     */
    public LandingUrl withDeviceToken(String deviceToken) {
        return redirect == null ? this : redirect(withQuery(redirect, DEVICE_PARAM + "=" + deviceToken));
    }

    /** The landing URL's query parameter that carries the device token. */
    public static final String DEVICE_PARAM = "laxinDevice";

    private static LandingUrl redirect(String url) {
        return new LandingUrl(url, null, null);
    }

    private static String withQuery(String target, String query) {
        return target + (target.contains("?") ? "&" : "?") + query;
    }
}
