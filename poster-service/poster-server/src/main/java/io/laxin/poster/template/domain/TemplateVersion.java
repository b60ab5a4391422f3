package io.laxin.poster.template.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a poster template: immutable once stored. A change to a template is stored as the next version,
 * so a poster made from an older version can still be rendered (and its cache entries stay right).
 *
 * @param background the background bytes as uploaded (PNG or JPEG), whose size is the poster's size
 * @param logo       the QR centre logo bytes, or null
 */
public record TemplateVersion(
        long templateId,
        int version,
        String name,
        Layout layout,
        byte[] background,
        ImageFormat backgroundFormat,
        String backgroundSha256,
        int width,
        int height,
        byte[] logo,
        String createdBy,
        Instant createdAt) {

    public TemplateVersion {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(background, "background");
    }

    /** A short stable id of what this version draws, for cache keys. */
    public String fingerprint() {
        return VersionLayout.fingerprint(templateId, version);
    }
}
