package io.laxin.poster.render.application;

import io.laxin.poster.render.domain.PosterFormat;

import java.util.Objects;

/** Render the share poster of {@code userId} for {@code campaignId}. */
public record RenderPosterCommand(long campaignId, String userId, PosterFormat format) {

    public RenderPosterCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(format, "format");
    }
}
