package io.laxin.poster.pregen.application;

import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.render.domain.PosterFormat;

import java.util.List;

/** Pre-generate the posters of {@code users} for a campaign and template (latest version when version is null). */
public record StartPregenCommand(long campaignId, long templateId, Integer version, PosterFormat format,
                                 List<PregenItem> users, String by) {
}
