package io.laxin.poster.render.application;

import io.laxin.poster.PosterProperties;
import io.laxin.poster.template.domain.Templates;
import io.laxin.poster.template.domain.VersionLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The layouts of template versions a poster is served from, read without their images, so that finding a cached
 * poster (or answering 304) never reads a background of up to a few MiB. A version never changes, so its layout is
 * kept (the most recently used {@value #MAX_LAYOUTS}) and read once per instance. Which version is a template's
 * latest does change: it is read again (one small row) once it is older than
 * {@code laxin.poster.template.recheck-latest-after}, by the injected clock, so a new version is served within that
 * time on every instance.
 */
@Component
public class KnownTemplateVersions {

    static final int MAX_LAYOUTS = 256;
    static final int MAX_TEMPLATES = 256;

    private record Latest(int version, Instant readAt) {}

    private final Templates templates;
    private final Clock clock;
    private final Duration recheckLatestAfter;
    private final Lru<String, VersionLayout> layouts = new Lru<>(MAX_LAYOUTS);
    private final Lru<Long, Latest> latest = new Lru<>(MAX_TEMPLATES);

    @Autowired
    public KnownTemplateVersions(Templates templates, Clock clock, PosterProperties properties) {
        this(templates, clock, properties.template().recheckLatestAfter());
    }

    public KnownTemplateVersions(Templates templates, Clock clock, Duration recheckLatestAfter) {
        this.templates = templates;
        this.clock = clock;
        this.recheckLatestAfter = recheckLatestAfter;
    }

    /** A version's layout, the latest version's when {@code version} is null; empty when there is none. */
    public Optional<VersionLayout> find(long templateId, Integer version) {
        return (version != null ? Optional.of(version) : latestVersion(templateId)).flatMap(v -> layout(templateId, v));
    }

    private Optional<Integer> latestVersion(long templateId) {
        Instant now = clock.instant();
        Latest known = latest.get(templateId);
        // fresh only between when it was read and the recheck time: a clock set back does not make it last longer
        if (known != null
                && !now.isBefore(known.readAt())
                && now.isBefore(known.readAt().plus(recheckLatestAfter))) {
            return Optional.of(known.version());
        }
        Optional<Integer> read = templates.latestVersion(templateId);
        read.ifPresent(v -> latest.put(templateId, new Latest(v, now)));
        return read;
    }

    private Optional<VersionLayout> layout(long templateId, int version) {
        String key = VersionLayout.fingerprint(templateId, version);
        VersionLayout known = layouts.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<VersionLayout> read = templates.findLayout(templateId, version);
        read.ifPresent(l -> layouts.put(key, l));
        return read;
    }
}
