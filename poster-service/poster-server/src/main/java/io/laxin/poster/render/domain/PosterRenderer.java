package io.laxin.poster.render.domain;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a 750×1334 share poster (the usual phone-screen poster size): a vertical gradient, the campaign title at the
 * top, a white card holding a 420×420 QR code of the share link and the invite code under it. Stateless and safe to
 * share between threads.
 */
public final class PosterRenderer {

    public static final int WIDTH = 750;
    public static final int HEIGHT = 1334;
    public static final int QR_SIZE = 420;
    /** Quiet zone around the QR code, in modules (the card around it adds white space too). */
    public static final int QR_QUIET_ZONE = 2;

    public static final float JPEG_QUALITY = 0.9f;

    private static final Color GRADIENT_TOP = new Color(0xFF5F45);
    private static final Color GRADIENT_BOTTOM = new Color(0xFFC371);
    private static final Color TEXT_ON_GRADIENT = Color.WHITE;
    private static final Color CARD = Color.WHITE;
    private static final Color INK = new Color(0x222222);
    private static final Color MUTED = new Color(0x888888);

    private static final int TITLE_TOP = 150;
    private static final int TITLE_MAX_WIDTH = 630;
    private static final int TITLE_MAX_LINES = 3;
    private static final int TITLE_LINE_HEIGHT = 84;
    private static final int CARD_X = 105;
    private static final int CARD_Y = 470;
    private static final int CARD_WIDTH = WIDTH - 2 * CARD_X;
    private static final int CARD_HEIGHT = 680;
    /** Where the QR code sits: centred, in the upper part of the card. */
    public static final int QR_X = (WIDTH - QR_SIZE) / 2;

    public static final int QR_Y = CARD_Y + 40;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 60);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 28);
    private static final Font CODE_FONT = new Font(Font.MONOSPACED, Font.BOLD, 64);
    private static final Font FOOTER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 30);

    /** Every word is drawn with the bundled fonts, so Chinese renders the same on a server without CJK fonts. */
    private final TextPainter text = new TextPainter(FontChain.bundled());

    /** The poster as an encoded image. */
    public byte[] render(PosterSpec spec, PosterFormat format) {
        return render(spec, null, format);
    }

    /** The poster as an encoded image, with a mini-program code instead of the QR code when one is given. */
    public byte[] render(PosterSpec spec, BufferedImage miniProgramCode, PosterFormat format) {
        return encode(draw(spec, miniProgramCode), format);
    }

    /** The poster as pixels (RGB, no alpha, so it encodes as JPEG as well as PNG). */
    public BufferedImage draw(PosterSpec spec) {
        return draw(spec, null);
    }

    /**
     * The poster as pixels.
     *
     * @param miniProgramCode WeChat's code image for the campaign's mini-program, drawn in the code box instead of the
     *                        QR code of the share link; or null
     */
    public BufferedImage draw(PosterSpec spec, BufferedImage miniProgramCode) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);

            g.setPaint(new GradientPaint(0, 0, GRADIENT_TOP, 0, HEIGHT, GRADIENT_BOTTOM));
            g.fillRect(0, 0, WIDTH, HEIGHT);

            drawTitle(g, spec.title());

            g.setColor(CARD);
            g.fillRoundRect(CARD_X, CARD_Y, CARD_WIDTH, CARD_HEIGHT, 40, 40);
            if (miniProgramCode == null) {
                drawQrCode(g, spec.shareLink());
            } else {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(miniProgramCode, QR_X, QR_Y, QR_SIZE, QR_SIZE, null);
            }

            centred(g, spec.language().codeLabel(), LABEL_FONT.getSize2D(), MUTED, QR_Y + QR_SIZE + 70);
            g.setColor(INK);
            drawCentered(g, CODE_FONT, spec.inviteCode(), QR_Y + QR_SIZE + 160);

            centred(g, spec.language().footer(), FOOTER_FONT.getSize2D(), TEXT_ON_GRADIENT, CARD_Y + CARD_HEIGHT + 90);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawTitle(Graphics2D g, String title) {
        float size = TITLE_FONT.getSize2D();
        List<String> lines = wrap(
                title.strip(),
                line -> text.fit(line, size, Integer.MAX_VALUE).advance(),
                TITLE_MAX_WIDTH,
                TITLE_MAX_LINES);
        FontMetrics fm = g.getFontMetrics(TITLE_FONT);
        int baseline = TITLE_TOP + fm.getAscent();
        for (String line : lines) {
            centred(g, line, size, TEXT_ON_GRADIENT, baseline);
            baseline += TITLE_LINE_HEIGHT;
        }
    }

    /** One line centred on the poster, its baseline near {@code baseline}, in the bundled fonts. */
    private void centred(Graphics2D g, String line, float size, Color colour, int baseline) {
        TextPainter.Fitted fitted = text.fit(line, size, WIDTH);
        int width = (int) Math.ceil(fitted.advance()) + 2;
        int height = Math.round(size * 1.5f);
        text.draw(
                g,
                line,
                size,
                colour,
                Math.max(0, (WIDTH - width) / 2),
                baseline - Math.round(size * 1.1f),
                width,
                height);
    }

    private static void drawQrCode(Graphics2D g, String shareLink) {
        BitMatrix matrix = QrEncoder.encode(shareLink, QR_SIZE, QR_QUIET_ZONE);
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        BufferedImage qr = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        qr.setRGB(0, 0, w, h, QrEncoder.pixels(matrix), 0, w);
        // A very long link needs more modules than fit; scale down with hard edges rather than blur them.
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(qr, QR_X, QR_Y, QR_SIZE, QR_SIZE, null);
    }

    private static void drawCentered(Graphics2D g, Font font, String text, int baseline) {
        g.setFont(font);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (WIDTH - width) / 2, baseline);
    }

    /**
     * Breaks {@code text} into lines no wider than {@code maxWidth}: at spaces where a line has one, else between
     * characters (titles in Chinese have no spaces), measuring with {@code width}. Past {@code maxLines} the last line
     * ends with an ellipsis.
     */
    static List<String> wrap(
            String text, java.util.function.ToDoubleFunction<String> width, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Iterator<Integer> codePoints = text.codePoints().iterator();
        while (codePoints.hasNext()) {
            int cp = codePoints.next();
            if (line.isEmpty() && Character.isWhitespace(cp)) {
                continue;
            }
            line.appendCodePoint(cp);
            if (width.applyAsDouble(line.toString()) <= maxWidth) {
                continue;
            }
            int space = line.lastIndexOf(" ");
            String carry;
            if (space > 0 && !Character.isWhitespace(cp)) {
                carry = line.substring(space + 1);
                line.setLength(space);
            } else {
                carry = new String(Character.toChars(cp)).strip();
                line.setLength(line.length() - Character.charCount(cp));
            }
            lines.add(line.toString().strip());
            line = new StringBuilder(carry);
            if (lines.size() == maxLines) {
                String last = lines.remove(maxLines - 1);
                lines.add(withEllipsis(last, width, maxWidth));
                return lines;
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static String withEllipsis(String line, java.util.function.ToDoubleFunction<String> width, int maxWidth) {
        String shortened = line;
        while (!shortened.isEmpty() && width.applyAsDouble(shortened + "…") > maxWidth) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened.strip() + "…";
    }

    public static byte[] encode(BufferedImage image, PosterFormat format) {
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == PosterFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the poster as " + format, e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
