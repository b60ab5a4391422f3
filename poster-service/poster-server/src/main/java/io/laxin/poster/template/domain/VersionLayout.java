package io.laxin.poster.template.domain;

import java.util.Objects;

/**
 * What a stored template version draws, without its image bytes: enough to work out a poster's content key (and
 * find it in the cache) without reading a background of up to a few MiB. Immutable like the version itself.
 */
public record VersionLayout(long templateId, int version, Layout layout) {

    public VersionLayout {
        Objects.requireNonNull(layout, "layout");
    }

    /** A short stable id of what this version draws, for cache keys. */
    public String fingerprint() {
        return fingerprint(templateId, version);
    }

    /** The fingerprint of a template's version, the same as {@link TemplateVersion#fingerprint()}. */
    public static String fingerprint(long templateId, int version) {
        return templateId + "v" + version;
    }
}
