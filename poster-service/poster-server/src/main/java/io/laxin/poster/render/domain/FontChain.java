package io.laxin.poster.render.domain;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fonts text is drawn with, in order of preference; each character is drawn with the first font that has a
 * glyph for it. Together they cover the CJK Unified Ideographs and Extension A (every hanzi of a Chinese given name
 * in practice: 喆, 堃, 珺, 犇, 彧 …), Latin, Greek, Cyrillic, Arabic, Hebrew and common emoji; a character none has is
 * drawn as a visible □ rather than left out.
 * {@link #bundled()} loads the subset fonts shipped in this jar (see {@code fonts/README.md}), so rendering does not
 * depend on the fonts a machine happens to have.
 */
public final class FontChain {

    /** The fonts under {@code /fonts} on the classpath, in fallback order. */
    public static final List<String> BUNDLED = List.of(
            "/fonts/WenQuanYiMicroHei-subset.ttf",
            "/fonts/DejaVuSans-subset.ttf",
            "/fonts/NotoSansSymbols2-subset.ttf",
            "/fonts/HanaMinA-extA-subset.ttf");

    /** What stands for a character no bundled font has: a white square, so the gap is seen, not silently closed. */
    public static final int MISSING = 0x25A1;

    private static volatile FontChain bundled;

    private final List<Font> fonts;

    public FontChain(List<Font> fonts) {
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("a font chain needs at least one font");
        }
        this.fonts = List.copyOf(fonts);
    }

    /** The bundled chain, loaded once. */
    public static FontChain bundled() {
        FontChain chain = bundled;
        if (chain == null) {
            synchronized (FontChain.class) {
                if (bundled == null) {
                    List<Font> loaded = new ArrayList<>();
                    for (String path : BUNDLED) {
                        loaded.add(load(path));
                    }
                    bundled = new FontChain(loaded);
                }
                chain = bundled;
            }
        }
        return chain;
    }

    private static Font load(String path) {
        try (InputStream in = Objects.requireNonNull(FontChain.class.getResourceAsStream(path), path)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled font " + path, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + path + " is not a TrueType font", e);
        }
    }

    public List<Font> fonts() {
        return fonts;
    }

    /** The first font that has a glyph for {@code codePoint}, or null when none has. */
    public Font fontFor(int codePoint) {
        for (Font font : fonts) {
            if (font.canDisplay(codePoint)) {
                return font;
            }
        }
        return null;
    }

    /** A run of text to draw with one font (at size 1; derive the size you draw at). */
    public record Run(String text, Font font) {}

    /**
     * {@code text} split into runs by the font that draws each character. A character no font has is drawn as
     * {@link #MISSING} (□), never dropped, so a name is not shown shorter than it is; control and format characters
     * (bidi overrides, zero-width joiners, variation selectors) and private-use ones are left out.
     */
    public List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Font currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!drawable(cp)) {
                continue;
            }
            Font font = fontFor(cp);
            if (font == null) {
                cp = MISSING;
                font = fontFor(cp);
            }
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(current.toString(), currentFont));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), currentFont));
        }
        return runs;
    }

    private static boolean drawable(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE) {
            return false;
        }
        boolean variationSelector = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
        return !variationSelector;
    }
}
