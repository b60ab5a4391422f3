package io.laxin.poster.template.domain;

import java.util.Objects;

/**
 * A template version that passed every check, ready to store or preview: the background and optional logo images
 * were checked by {@link Images} and the layout fits the background.
 */
public record TemplateDraft(Layout layout, CheckedImage background, CheckedImage logo) {

    public TemplateDraft {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(background, "background");
        layout.requireFits(background.width(), background.height(), logo != null);
    }
}
