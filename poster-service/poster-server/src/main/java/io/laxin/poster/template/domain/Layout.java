package io.laxin.poster.template.domain;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a template puts things on its background, in background pixels from the top-left corner. Only the code box
 * is required. {@link #problems} lists every rule a layout breaks against a background of a given size; a layout
 * with any problem is refused whole.
 *
 * @param qr       the QR code (or WeChat mini-program code) box
 * @param avatar   the user's avatar, or null for none
 * @param nickname the user's nickname, or null for none
 * @param texts    extra fixed text lines (at most {@value #MAX_TEXTS}), or null
 */
public record Layout(QrBox qr, AvatarBox avatar, NicknameBox nickname, List<TextLine> texts) {

    public static final int MAX_TEXTS = 10;
    /** Below this a code halved and re-compressed by a chat app no longer scans reliably (see TemplatePainterTest). */
    public static final int MIN_QR_SIZE = 240;

    public static final int MIN_FONT_SIZE = 12;
    public static final int MAX_FONT_SIZE = 200;
    public static final int MAX_TEXT_LENGTH = 200;
    /** A centre logo may cover at most this share of the code's side (with error correction Q or H). */
    public static final double MAX_LOGO_SHARE = 0.22;

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern PAGE = Pattern.compile("[A-Za-z0-9_/\\-.]{1,128}");

    public Layout {
        texts = texts == null ? List.of() : List.copyOf(texts);
    }

    /** What the code box holds. */
    public enum CodeKind {
        QR,
        MINI_PROGRAM
    }

    /** QR error-correction levels: L 7 %, M 15 %, Q 25 %, H 30 % of the code may be lost. */
    public enum ErrorCorrection {
        L,
        M,
        Q,
        H
    }

    public enum AvatarShape {
        CIRCLE,
        ROUNDED
    }

    /**
     * @param quietZone       white modules around the code (1–10); readers need some
     * @param foreground      dark module colour, {@code #RRGGBB}; default black
     * @param background      light module colour; default white. Must be much lighter than the foreground.
     * @param logoSize        side of the centre logo in pixels, when the template has a logo
     * @param miniProgramPage the mini-program page a {@link CodeKind#MINI_PROGRAM} code opens (WeChat's default page
     *                        when null)
     */
    public record QrBox(
            int x,
            int y,
            int size,
            Integer quietZone,
            ErrorCorrection errorCorrection,
            String foreground,
            String background,
            Integer logoSize,
            CodeKind kind,
            String miniProgramPage) {

        public QrBox {
            quietZone = quietZone == null ? 2 : quietZone;
            errorCorrection = errorCorrection == null ? ErrorCorrection.M : errorCorrection;
            foreground = foreground == null ? "#000000" : foreground.toUpperCase(Locale.ROOT);
            background = background == null ? "#FFFFFF" : background.toUpperCase(Locale.ROOT);
            kind = kind == null ? CodeKind.QR : kind;
        }

        public Rectangle box() {
            return new Rectangle(x, y, size, size);
        }
    }

    public record AvatarBox(int x, int y, int size, AvatarShape shape) {

        public AvatarBox {
            shape = shape == null ? AvatarShape.CIRCLE : shape;
        }

        public Rectangle box() {
            return new Rectangle(x, y, size, size);
        }
    }

    /** One line of text, left-aligned (right-aligned when it reads right to left), cut with "…" at maxWidth. */
    public record NicknameBox(int x, int y, int maxWidth, int fontSize, String color) {

        public NicknameBox {
            color = color == null ? "#222222" : color.toUpperCase(Locale.ROOT);
        }

        public Rectangle box() {
            return new Rectangle(x, y, maxWidth, lineHeight(fontSize));
        }
    }

    public record TextLine(String text, int x, int y, int maxWidth, int fontSize, String color) {

        public TextLine {
            color = color == null ? "#222222" : color.toUpperCase(Locale.ROOT);
        }

        public Rectangle box() {
            return new Rectangle(x, y, maxWidth, lineHeight(fontSize));
        }
    }

    /** The height of a text box: room for ascenders, descenders and the CJK em box. */
    public static int lineHeight(int fontSize) {
        return (int) Math.ceil(fontSize * 1.4);
    }

    /** Refuses the layout (400 TEMPLATE_LAYOUT_INVALID, every problem named) unless it fits the background. */
    public void requireFits(int width, int height, boolean hasLogo) {
        List<String> problems = problems(width, height, hasLogo);
        if (!problems.isEmpty()) {
            throw new LaxinException(PosterErrorCode.TEMPLATE_LAYOUT_INVALID, String.join("; ", problems));
        }
    }

    /** Every rule this layout breaks on a {@code width}×{@code height} background. */
    public List<String> problems(int width, int height, boolean hasLogo) {
        List<String> p = new ArrayList<>();
        Rectangle canvas = new Rectangle(0, 0, width, height);
        if (qr == null) {
            p.add("qr: the code box is required");
        } else {
            checkQr(p, canvas, hasLogo);
        }
        if (avatar != null) {
            if (avatar.size() < 32 || avatar.size() > Math.min(width, height)) {
                p.add("avatar.size must be 32.." + Math.min(width, height) + ", not " + avatar.size());
            }
            inside(p, "avatar", avatar.box(), canvas);
            clearOfCode(p, "avatar", avatar.box());
        }
        if (nickname != null) {
            checkText(
                    p, "nickname", nickname.maxWidth(), nickname.fontSize(), nickname.color(), nickname.box(), canvas);
        }
        if (texts.size() > MAX_TEXTS) {
            p.add("texts: at most " + MAX_TEXTS + " lines, not " + texts.size());
        }
        for (int i = 0; i < texts.size(); i++) {
            TextLine t = texts.get(i);
            String name = "texts[" + i + "]";
            if (t == null) {
                p.add(name + " is empty");
                continue;
            }
            if (t.text() == null || t.text().isBlank() || t.text().length() > MAX_TEXT_LENGTH) {
                p.add(name + ".text must be 1.." + MAX_TEXT_LENGTH + " characters");
            }
            checkText(p, name, t.maxWidth(), t.fontSize(), t.color(), t.box(), canvas);
        }
        return p;
    }

    private void checkQr(List<String> p, Rectangle canvas, boolean hasLogo) {
        int limit = Math.min(canvas.width, canvas.height);
        if (qr.size() < MIN_QR_SIZE || qr.size() > limit) {
            p.add("qr.size must be " + MIN_QR_SIZE + ".." + limit + " pixels, not " + qr.size());
        }
        inside(p, "qr", qr.box(), canvas);
        if (qr.kind() == CodeKind.MINI_PROGRAM) {
            if (hasLogo || qr.logoSize() != null) {
                p.add("qr: a mini-program code carries WeChat's own centre; a logo is not drawn on it");
            }
            if (qr.miniProgramPage() != null
                    && !PAGE.matcher(qr.miniProgramPage()).matches()) {
                p.add("qr.miniProgramPage must be a page path like pages/index/index");
            }
            return;
        }
        if (qr.quietZone() < 1 || qr.quietZone() > 10) {
            p.add("qr.quietZone must be 1..10 modules, not " + qr.quietZone());
        }
        boolean colours = colour(p, "qr.foreground", qr.foreground()) & colour(p, "qr.background", qr.background());
        if (colours && luminance(qr.background()) - luminance(qr.foreground()) < 0.4) {
            p.add("qr: the foreground " + qr.foreground() + " must be much darker than the background "
                    + qr.background() + " (scanners read dark modules on a light ground)");
        }
        if (hasLogo != (qr.logoSize() != null)) {
            p.add(hasLogo ? "qr.logoSize is required with a logo" : "qr.logoSize is set but no logo was given");
        }
        if (qr.logoSize() != null) {
            if (qr.logoSize() < 8 || qr.logoSize() > Math.floor(qr.size() * MAX_LOGO_SHARE)) {
                p.add("qr.logoSize must be 8.." + (int) Math.floor(qr.size() * MAX_LOGO_SHARE)
                        + " pixels (at most " + (int) (MAX_LOGO_SHARE * 100) + " % of the code), not "
                        + qr.logoSize());
            }
            if (qr.errorCorrection() != ErrorCorrection.Q && qr.errorCorrection() != ErrorCorrection.H) {
                p.add("qr.errorCorrection must be Q or H under a centre logo, not " + qr.errorCorrection());
            }
        }
    }

    private void checkText(
            List<String> p, String name, int maxWidth, int fontSize, String colour, Rectangle box, Rectangle canvas) {
        if (fontSize < MIN_FONT_SIZE || fontSize > MAX_FONT_SIZE) {
            p.add(name + ".fontSize must be " + MIN_FONT_SIZE + ".." + MAX_FONT_SIZE + ", not " + fontSize);
        }
        if (maxWidth < fontSize) {
            p.add(name + ".maxWidth must be at least the font size");
        }
        colour(p, name + ".color", colour);
        inside(p, name, box, canvas);
        clearOfCode(p, name, box);
    }

    private static void inside(List<String> p, String name, Rectangle box, Rectangle canvas) {
        if (box.x < 0 || box.y < 0 || box.width <= 0 || box.height <= 0 || !canvas.contains(box)) {
            p.add(name + ": the box " + box.x + "," + box.y + " " + box.width + "×" + box.height + " is not inside the "
                    + canvas.width + "×" + canvas.height + " background");
        }
    }

    private void clearOfCode(List<String> p, String name, Rectangle box) {
        if (qr != null && qr.box().intersects(box)) {
            p.add(name + " overlaps the code box; anything drawn over the code stops it from scanning");
        }
    }

    private static boolean colour(List<String> p, String name, String value) {
        if (value == null || !COLOUR.matcher(value).matches()) {
            p.add(name + " must be a colour like #1A2B3C, not '" + value + "'");
            return false;
        }
        return true;
    }

    /** Relative luminance (WCAG) of {@code #RRGGBB}, 0 black .. 1 white. */
    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** {@code #RRGGBB} as an int. */
    public static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
