package io.laxin.poster.render.application;

import io.laxin.poster.template.domain.TemplateVersion;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded backgrounds and logos of recently used template versions, so a render does not decode the background
 * again. Bounded (least recently used out); versions never change, so entries never go stale. Holds images only
 * read from (drawn onto a new canvas), never drawn into.
 */
@Component
public class DecodedTemplates {

    static final int MAX_ENTRIES = 16;

    /** A version's pixels. */
    public record Decoded(BufferedImage background, BufferedImage logo) {
    }

    private final Map<String, Decoded> entries = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public Decoded of(TemplateVersion template) {
        synchronized (entries) {
            Decoded d = entries.get(template.fingerprint());
            if (d != null) {
                return d;
            }
        }
        // decoded outside the lock; the bytes were checked (size, pixels) when the version was stored
        Decoded decoded = new Decoded(decode(template.background()),
                template.logo() == null ? null : decode(template.logo()));
        synchronized (entries) {
            entries.put(template.fingerprint(), decoded);
        }
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
