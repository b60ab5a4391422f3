package io.laxin.poster.template.web;

import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.TemplateVersion;
import java.time.Instant;

/** A stored template version. */
public record TemplateResponse(
        long templateId,
        int version,
        String name,
        int width,
        int height,
        String backgroundFormat,
        String backgroundSha256,
        boolean hasLogo,
        Layout layout,
        String createdBy,
        Instant createdAt) {

    static TemplateResponse of(TemplateVersion v) {
        return new TemplateResponse(
                v.templateId(),
                v.version(),
                v.name(),
                v.width(),
                v.height(),
                v.backgroundFormat().name(),
                v.backgroundSha256(),
                v.logo() != null,
                v.layout(),
                v.createdBy(),
                v.createdAt());
    }
}
