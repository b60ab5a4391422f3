package io.laxin.poster.render.domain;

import java.util.Objects;

/**
 * What one poster shows: the campaign title at the top, a QR code of the share link and the invite code under it.
 *
 * @param title      campaign title; long titles wrap to at most three lines, then end with an ellipsis
 * @param inviteCode the user's invite code, printed for people who type it instead of scanning
 * @param shareLink  the URL the QR code encodes
 */
public record PosterSpec(String title, String inviteCode, String shareLink) {

    public PosterSpec {
        Objects.requireNonNull(title, "title");
        requireText(inviteCode, "inviteCode");
        requireText(shareLink, "shareLink");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
