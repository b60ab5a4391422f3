package io.laxin.invite.touch.domain;

import java.util.List;
import java.util.Locale;

/** Link-preview fetchers and crawlers: they open share links but are nobody's friend. */
public final class Crawlers {

    private static final List<String> MARKERS = List.of(
            "bot",
            "spider",
            "crawl",
            "slurp",
            "preview",
            "facebookexternalhit",
            "whatsapp",
            "telegram",
            "discord",
            "skypeuripreview",
            "bytespider",
            "yisouspider",
            "sogou",
            "headlesschrome",
            "lighthouse",
            "python-requests",
            "go-http-client",
            "okhttp",
            "java/",
            "wget");

    private Crawlers() {}

    public static boolean isCrawler(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(ua::contains);
    }
}
