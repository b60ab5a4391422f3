package io.laxin.poster.render.application;

import io.laxin.poster.PosterProperties;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import io.laxin.poster.template.domain.VersionLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Decoded backgrounds and logos of recently used template versions, so a render neither reads a background from the
 * store nor decodes it again. Bounded by count and by the bytes the decoded pixels take (4 per pixel; a 4096²
 * background is 64 MiB, so a count alone would let 16 of them fill the heap) — least recently used out; versions
 * never change, so entries never go stale.
 * Holds images only read from (drawn onto a new canvas), never drawn into.
 */
@Component
public class DecodedTemplates {

    static final int MAX_ENTRIES = 16;
    /** The default byte budget, {@code laxin.poster.template.decoded-cache-bytes}: a quarter of a 768 MiB heap. */
    static final long DEFAULT_MAX_BYTES = 192L * 1024 * 1024;

    /** A version's pixels. */
    public record Decoded(BufferedImage background, BufferedImage logo) {}

    private final Templates templates;
    private final Lru<String, Decoded> entries;

    public DecodedTemplates(Templates templates) {
        this(templates, DEFAULT_MAX_BYTES);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public DecodedTemplates(Templates templates, PosterProperties properties) {
        this(templates, properties.template().decodedCacheBytes());
    }

    public DecodedTemplates(Templates templates, long maxBytes) {
        this.templates = templates;
        this.entries = new Lru<>(MAX_ENTRIES, maxBytes, DecodedTemplates::bytes);
    }

    /** What a version's decoded pixels take in memory. */
    static long bytes(Decoded d) {
        return pixels(d.background()) + (d.logo() == null ? 0 : pixels(d.logo()));
    }

    private static long pixels(BufferedImage image) {
        return 4L * image.getWidth() * image.getHeight();
    }

    /** What the held versions take, in bytes. */
    long heldBytes() {
        return entries.weight();
    }

    /** A stored version's pixels; its image bytes are read from the store only when they are not held here. */
    public Decoded of(VersionLayout version) {
        return of(
                version.fingerprint(),
                () -> templates
                        .find(version.templateId(), version.version())
                        .orElseThrow(() -> new IllegalStateException(
                                "Template version " + version.fingerprint() + " has a layout but no row")));
    }

    /** The pixels of a version already read with its images. */
    public Decoded of(TemplateVersion template) {
        return of(template.fingerprint(), () -> template);
    }

    private Decoded of(String fingerprint, Supplier<TemplateVersion> stored) {
        Decoded d = entries.get(fingerprint);
        if (d != null) {
            return d;
        }
        // read and decoded outside the lock; the bytes were checked (size, pixels) when the version was stored
        TemplateVersion template = stored.get();
        Decoded decoded =
                new Decoded(decode(template.background()), template.logo() == null ? null : decode(template.logo()));
        entries.put(fingerprint, decoded);
        return decoded;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("A stored template image cannot be decoded");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
