package io.laxin.poster.render.domain;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.laxin.poster.template.domain.Layout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Draws a poster from a template: the background at its own size, the code (a QR code of the share link in the
 * template's colours, error-correction level and quiet zone, with an optional centre logo; or a WeChat mini-program
 * code scaled into the box), the avatar (or the nickname's initial on a coloured disc), the nickname and the extra
 * text lines. Stateless and safe to share between threads; the same inputs give the same pixels.
 */
public final class TemplatePainter {

    private final TextPainter text;

    public TemplatePainter(TextPainter text) {
        this.text = text;
    }

    /**
     * What differs from one user's poster to another's.
     *
     * @param shareLink       what the QR code encodes, in the box's colours, level and quiet zone
     * @param miniProgramCode the code image WeChat made, drawn in the code box instead of a QR code (see
     *                        {@link PosterCode} for when), else null
     * @param avatar          the user's avatar, or null to draw the initial
     * @param nickname        the user's nickname, or null/blank
     */
    public record Content(String shareLink, BufferedImage miniProgramCode, BufferedImage avatar, String nickname) {}

    public BufferedImage draw(Layout layout, BufferedImage background, BufferedImage logo, Content content) {
        Objects.requireNonNull(layout, "layout");
        int width = background.getWidth();
        int height = background.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(background, 0, 0, null);

            drawCode(g, layout.qr(), logo, content);
            if (layout.avatar() != null) {
                drawAvatar(g, layout.avatar(), content.avatar(), content.nickname());
            }
            if (layout.nickname() != null
                    && content.nickname() != null
                    && !content.nickname().isBlank()) {
                Layout.NicknameBox n = layout.nickname();
                text.draw(
                        g,
                        content.nickname(),
                        n.fontSize(),
                        new Color(Layout.rgb(n.color())),
                        n.x(),
                        n.y(),
                        n.maxWidth(),
                        Layout.lineHeight(n.fontSize()));
            }
            for (Layout.TextLine t : layout.texts()) {
                text.draw(
                        g,
                        t.text(),
                        t.fontSize(),
                        new Color(Layout.rgb(t.color())),
                        t.x(),
                        t.y(),
                        t.maxWidth(),
                        Layout.lineHeight(t.fontSize()));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawCode(Graphics2D g, Layout.QrBox qr, BufferedImage logo, Content content) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        if (content.miniProgramCode() != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(content.miniProgramCode(), qr.x(), qr.y(), qr.size(), qr.size(), null);
            return;
        }
        Objects.requireNonNull(content.shareLink(), "a QR code needs the share link");
        BitMatrix matrix = QrEncoder.encode(
                content.shareLink(),
                qr.size(),
                qr.quietZone(),
                ErrorCorrectionLevel.valueOf(qr.errorCorrection().name()));
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        int dark = 0xFF000000 | Layout.rgb(qr.foreground());
        int light = 0xFF000000 | Layout.rgb(qr.background());
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = matrix.get(x, y) ? dark : light;
            }
        }
        BufferedImage code = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        code.setRGB(0, 0, w, h, pixels, 0, w);
        g.drawImage(code, qr.x(), qr.y(), qr.size(), qr.size(), null);
        if (logo != null && qr.logoSize() != null) {
            int s = qr.logoSize();
            int pad = Math.max(2, s / 10);
            int lx = qr.x() + (qr.size() - s) / 2;
            int ly = qr.y() + (qr.size() - s) / 2;
            g.setColor(new Color(light, true));
            g.fillRoundRect(lx - pad, ly - pad, s + 2 * pad, s + 2 * pad, pad * 2, pad * 2);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(logo, lx, ly, s, s, null);
        }
    }

    private void drawAvatar(Graphics2D g, Layout.AvatarBox a, BufferedImage avatar, String nickname) {
        Shape shape = a.shape() == Layout.AvatarShape.CIRCLE
                ? new Ellipse2D.Float(a.x(), a.y(), a.size(), a.size())
                : new RoundRectangle2D.Float(a.x(), a.y(), a.size(), a.size(), a.size() / 4f, a.size() / 4f);
        Shape clip = g.getClip();
        g.clip(shape);
        if (avatar != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            // cover the square: crop the longer side of a non-square avatar to its centre
            int side = Math.min(avatar.getWidth(), avatar.getHeight());
            int sx = (avatar.getWidth() - side) / 2;
            int sy = (avatar.getHeight() - side) / 2;
            g.drawImage(avatar, a.x(), a.y(), a.x() + a.size(), a.y() + a.size(), sx, sy, sx + side, sy + side, null);
        } else {
            String name = nickname == null ? "" : nickname.strip();
            g.setColor(initialsColour(name));
            g.fill(shape);
            String initial = initial(name);
            if (!initial.isEmpty()) {
                float size = a.size() * 0.45f;
                int boxHeight = Layout.lineHeight((int) size);
                float advance = text.fit(initial, size, a.size()).advance();
                int left = a.x() + Math.max(0, Math.round((a.size() - advance) / 2));
                text.draw(
                        g,
                        initial,
                        size,
                        Color.WHITE,
                        left,
                        a.y() + (a.size() - boxHeight) / 2,
                        a.x() + a.size() - left,
                        boxHeight);
            }
        }
        g.setClip(clip);
    }

    /** The first letter or digit of the nickname, upper-cased. */
    private static String initial(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                return new String(Character.toChars(Character.toUpperCase(cp)));
            }
        }
        return "";
    }

    /** A colour picked from the name, so the same user always gets the same disc. */
    static Color initialsColour(String name) {
        Color[] palette = {
            new Color(0xE57373),
            new Color(0x64B5F6),
            new Color(0x81C784),
            new Color(0xFFB74D),
            new Color(0xBA68C8),
            new Color(0x4DB6AC),
            new Color(0x7986CB),
            new Color(0xA1887F)
        };
        return palette[Math.floorMod(name.hashCode(), palette.length)];
    }
}
