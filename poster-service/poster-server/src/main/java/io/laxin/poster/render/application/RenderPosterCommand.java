package io.laxin.poster.render.application;

import io.laxin.poster.render.domain.PosterFormat;

import java.util.Objects;

/**
 * Render the share poster of {@code userId} for {@code campaignId}: the built-in poster when {@code templateId} is
 * null, else that template (its latest version, or {@code templateVersion}) with the avatar and nickname given.
 */
public record RenderPosterCommand(long campaignId, String userId, PosterFormat format, Long templateId,
                                  Integer templateVersion, String nickname, String avatarUrl) {

    public RenderPosterCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(format, "format");
    }

    /** The built-in poster. */
    public RenderPosterCommand(long campaignId, String userId, PosterFormat format) {
        this(campaignId, userId, format, null, null, null, null);
    }
}
