package io.laxin.poster.pregen.application;

import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.render.domain.PosterFormat;
import java.util.List;

/**
 * Pre-generate posters for a campaign and template (latest version when version is null): for {@code users}, and
 * for the campaign's {@code top} referrers as invite-service ranks them when top is not null. A user in both is
 * rendered once, with the nickname and avatar {@code users} gives.
 */
public record StartPregenCommand(
        long campaignId,
        long templateId,
        Integer version,
        PosterFormat format,
        List<PregenItem> users,
        Integer top,
        String by) {

    public StartPregenCommand {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
