package io.laxin.poster.render.domain;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.text.AttributedString;
import java.util.List;

/**
 * Draws one line of user or operator text into a box: each character in the first bundled font that has it (never
 * tofu), bidirectional text reordered by {@link TextLayout} (right-to-left lines are right-aligned), cut at the box
 * width with "…", vertically centred in the box and clipped to it.
 */
public final class TextPainter {

    public static final String ELLIPSIS = "…";
    /** Antialiased, fractional metrics: the same on every machine, so the same inputs give the same pixels. */
    public static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private final FontChain fonts;

    public TextPainter(FontChain fonts) {
        this.fonts = fonts;
    }

    /** How a line will be drawn: the runs (after cutting), the width they take, and the reading direction. */
    public record Fitted(List<FontChain.Run> runs, float advance, boolean leftToRight, boolean cut, TextLayout layout) {

        public String text() {
            StringBuilder sb = new StringBuilder();
            runs.forEach(r -> sb.append(r.text()));
            return sb.toString();
        }
    }

    /** Lays out {@code text} at {@code fontSize} to fit {@code maxWidth}, cutting it with "…" if needed. */
    public Fitted fit(String text, float fontSize, int maxWidth) {
        List<FontChain.Run> all = fonts.runs(text == null ? "" : text.strip());
        String drawable = join(all);
        if (drawable.isEmpty()) {
            return new Fitted(List.of(), 0, true, false, null);
        }
        TextLayout whole = layout(all, fontSize);
        if (whole.getAdvance() <= maxWidth) {
            return new Fitted(all, whole.getAdvance(), whole.isLeftToRight(), false, whole);
        }
        // keep the longest prefix (in reading order) that fits with the ellipsis
        int[] cps = drawable.codePoints().toArray();
        int lo = 0;
        int hi = cps.length - 1;
        Fitted best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String candidate = new String(cps, 0, mid).stripTrailing() + ELLIPSIS;
            List<FontChain.Run> runs = fonts.runs(candidate);
            TextLayout l = layout(runs, fontSize);
            if (l.getAdvance() <= maxWidth) {
                best = new Fitted(runs, l.getAdvance(), l.isLeftToRight(), true, l);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best == null) {
            return new Fitted(List.of(), 0, true, true, null);
        }
        return best;
    }

    /** Draws {@code text} into the box {@code (x, y, maxWidth, height)}. */
    public Fitted draw(
            Graphics2D g, String text, float fontSize, Color colour, int x, int y, int maxWidth, int height) {
        Fitted fitted = fit(text, fontSize, maxWidth);
        if (fitted.layout() == null) {
            return fitted;
        }
        TextLayout l = fitted.layout();
        // centre by the first font's line metrics (the same for every nickname), then nudge the ink into the box
        // when a fallback glyph reaches higher or lower
        java.awt.font.LineMetrics metrics =
                fonts.fonts().get(0).deriveFont(fontSize).getLineMetrics("Ag国", FRC);
        float baseline = y + (height - metrics.getAscent() - metrics.getDescent()) / 2f + metrics.getAscent();
        java.awt.geom.Rectangle2D ink = l.getBounds();
        if (baseline + ink.getMinY() < y) {
            baseline = (float) (y - ink.getMinY());
        } else if (baseline + ink.getMaxY() > y + height) {
            baseline = (float) (y + height - ink.getMaxY());
        }
        float left = fitted.leftToRight() ? x : x + maxWidth - fitted.advance();
        Shape clip = g.getClip();
        g.clipRect(x, y, maxWidth, height);
        g.setColor(colour);
        l.draw(g, left, baseline);
        g.setClip(clip);
        return fitted;
    }

    private static TextLayout layout(List<FontChain.Run> runs, float fontSize) {
        String text = join(runs);
        AttributedString styled = new AttributedString(text);
        int at = 0;
        for (FontChain.Run run : runs) {
            Font font = run.font().deriveFont(fontSize);
            styled.addAttribute(TextAttribute.FONT, font, at, at + run.text().length());
            at += run.text().length();
        }
        return new TextLayout(styled.getIterator(), FRC);
    }

    private static String join(List<FontChain.Run> runs) {
        StringBuilder sb = new StringBuilder();
        runs.forEach(r -> sb.append(r.text()));
        return sb.toString();
    }
}
