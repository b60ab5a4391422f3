package io.laxin.poster.render.domain;

import java.util.Objects;

/**
 * What one poster shows: the campaign title at the top, a QR code of the share link and the invite code under it.
 *
 * @param title      campaign title; long titles wrap to at most three lines, then end with an ellipsis
 * @param inviteCode the user's invite code, printed for people who type it instead of scanning
 * @param shareLink  the URL the QR code encodes
 * @param language   the language of the poster's own words (the code label and the footer)
 */
public record PosterSpec(String title, String inviteCode, String shareLink, PosterLanguage language) {

    /** A poster in the default language, Chinese. */
    public PosterSpec(String title, String inviteCode, String shareLink) {
        this(title, inviteCode, shareLink, PosterLanguage.ZH_CN);
    }

    public PosterSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        requireText(inviteCode, "inviteCode");
        requireText(shareLink, "shareLink");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
