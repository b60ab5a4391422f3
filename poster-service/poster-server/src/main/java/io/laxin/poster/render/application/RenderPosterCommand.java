package io.laxin.poster.render.application;

import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.PosterLanguage;
import java.util.Objects;

/**
 * Render the share poster of {@code userId} for {@code campaignId}: the built-in poster when {@code templateId} is
 * null, else that template (its latest version, or {@code templateVersion}) with the avatar and nickname given.
 */
public record RenderPosterCommand(
        long campaignId,
        String userId,
        PosterFormat format,
        Long templateId,
        Integer templateVersion,
        String nickname,
        String avatarUrl,
        PosterLanguage language) {

    public RenderPosterCommand(
            long campaignId,
            String userId,
            PosterFormat format,
            Long templateId,
            Integer templateVersion,
            String nickname,
            String avatarUrl) {
        this(campaignId, userId, format, templateId, templateVersion, nickname, avatarUrl, PosterLanguage.ZH_CN);
    }

    public RenderPosterCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(format, "format");
        language = language == null ? PosterLanguage.ZH_CN : language;
    }

    /** The built-in poster. */
    public RenderPosterCommand(long campaignId, String userId, PosterFormat format) {
        this(campaignId, userId, format, null, null, null, null);
    }
}
