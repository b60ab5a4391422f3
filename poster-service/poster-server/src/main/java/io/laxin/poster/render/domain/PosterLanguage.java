package io.laxin.poster.render.domain;

import java.util.Locale;
import java.util.Optional;

/** The language of the built-in poster's own words (the campaign's name is drawn as the operator wrote it). */
public enum PosterLanguage {
    ZH_CN("邀请好友，双方都得奖励", "邀请码", "扫描二维码或输入邀请码，一起领奖励"),
    EN("Invite a friend and you both get a reward", "INVITE CODE", "Scan the code or enter the invite code to join");

    private final String defaultTitle;
    private final String codeLabel;
    private final String footer;

    PosterLanguage(String defaultTitle, String codeLabel, String footer) {
        this.defaultTitle = defaultTitle;
        this.codeLabel = codeLabel;
        this.footer = footer;
    }

    /** The headline when the campaign has no name to show. */
    public String defaultTitle() {
        return defaultTitle;
    }

    public String codeLabel() {
        return codeLabel;
    }

    public String footer() {
        return footer;
    }

    /** {@code zh-CN} / {@code zh} / {@code en} / {@code en-US}, any case; empty for anything else. */
    public static Optional<PosterLanguage> named(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.of(ZH_CN);
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-")) {
            return Optional.of(ZH_CN);
        }
        if (t.equals("en") || t.startsWith("en-")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
