package io.laxin.poster.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.poster.render.domain.FontChain;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.TemplatePainter;
import io.laxin.poster.render.domain.TextPainter;
import io.laxin.poster.template.ImageFixtures;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.Layout.AvatarBox;
import io.laxin.poster.template.domain.Layout.ErrorCorrection;
import io.laxin.poster.template.domain.Layout.NicknameBox;
import io.laxin.poster.template.domain.Layout.QrBox;
import io.laxin.poster.template.domain.Layout.TextLine;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatePainterTest {

    static final String LINK = "https://laxin.example/s/K7M2QX8P?ch=poster";
    private static final BufferedImage BACKGROUND = ImageFixtures.gradient(750, 1334);
    private final TemplatePainter painter = new TemplatePainter(new TextPainter(FontChain.bundled()));

    static Layout layout(QrBox qr) {
        return new Layout(
                qr,
                new AvatarBox(60, 60, 120, null),
                new NicknameBox(200, 90, 480, 40, "#333333"),
                List.of(
                        new TextLine("邀请好友，双方各得 20 元", 60, 260, 630, 48, "#B71C1C"),
                        new TextLine("Scan to join — 长按识别二维码", 60, 1260, 630, 28, "#5D4037")));
    }

    static QrBox qr(int size, ErrorCorrection ec, Integer logoSize) {
        return new QrBox((750 - size) / 2, 860, size, 2, ec, "#1A237E", "#FFFFFF", logoSize, null, null);
    }

    private BufferedImage draw(Layout layout, BufferedImage logo, String nickname) {
        return painter.draw(layout, BACKGROUND, logo, new TemplatePainter.Content(LINK, null, null, nickname));
    }

    @Test
    void shouldDrawAtTheBackgroundsSizeWithTheShareLinkInTheCode() {
        BufferedImage poster = draw(layout(qr(320, ErrorCorrection.M, null)), null, "张小明😀");

        assertThat(poster.getWidth()).isEqualTo(750);
        assertThat(poster.getHeight()).isEqualTo(1334);
        assertThat(QrCodes.decode(poster).getText()).isEqualTo(LINK);
    }

    @ParameterizedTest
    @EnumSource(PosterFormat.class)
    void shouldStillScanAfterHalvingThePosterAndRecompressingItAsJpeg60(PosterFormat format) {
        byte[] encoded = PosterRenderer.encode(draw(layout(qr(320, ErrorCorrection.M, null)), null, "张小明"), format);

        BufferedImage shared = halfSizeJpeg60(QrCodes.image(encoded));

        assertThat(shared.getWidth()).isEqualTo(375);
        assertThat(QrCodes.decode(shared).getText()).isEqualTo(LINK);
    }

    @Test
    void shouldStillScanWithACentreLogoAtHighErrorCorrectionAfterHalvingAndJpeg60() {
        BufferedImage logo = QrCodes.image(ImageFixtures.logoPng(200));
        BufferedImage poster = draw(layout(qr(320, ErrorCorrection.H, 64)), logo, "张小明");

        assertThat(QrCodes.decode(poster).getText()).isEqualTo(LINK);
        assertThat(QrCodes.decode(halfSizeJpeg60(poster)).getText()).isEqualTo(LINK);
    }

    @Test
    void shouldStillScanTheSmallestAllowedCodeAfterHalvingAndJpeg60() {
        BufferedImage poster = draw(layout(qr(Layout.MIN_QR_SIZE, ErrorCorrection.M, null)), null, "x");

        assertThat(QrCodes.decode(halfSizeJpeg60(poster)).getText()).isEqualTo(LINK);
    }

    @Test
    void shouldGiveTheSameBytesForTheSameInputs() {
        Layout layout = layout(qr(320, ErrorCorrection.Q, null));

        byte[] one = PosterRenderer.encode(draw(layout, null, "محمد 李"), PosterFormat.JPEG);
        byte[] two = PosterRenderer.encode(draw(layout, null, "محمد 李"), PosterFormat.JPEG);

        assertThat(one).isEqualTo(two);
    }

    @Test
    void shouldDrawTheInitialOnAColouredDiscWhenThereIsNoAvatar() {
        BufferedImage poster = draw(layout(qr(320, ErrorCorrection.M, null)), null, "zoe");
        BufferedImage other = draw(layout(qr(320, ErrorCorrection.M, null)), null, "Zoe");

        Color centre = new Color(poster.getRGB(60 + 60, 60 + 100));
        assertThat(centre).isNotEqualTo(new Color(BACKGROUND.getRGB(120, 160)));
        // the corner of the avatar box lies outside the circle: background shows there
        assertThat(new Color(poster.getRGB(61, 61))).isEqualTo(new Color(BACKGROUND.getRGB(61, 61)));
        // "zoe" and "Zoe" both show Z
        assertThat(differing(poster, other, 60, 60, 120, 120)).isLessThan(120 * 120 / 2);
    }

    @Test
    void shouldDrawTheAvatarClippedToACircle() {
        BufferedImage avatar = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = avatar.createGraphics();
        g.setColor(new Color(0x00FF00));
        g.fillRect(0, 0, 200, 200);
        g.dispose();

        BufferedImage poster = painter.draw(
                layout(qr(320, ErrorCorrection.M, null)),
                BACKGROUND,
                null,
                new TemplatePainter.Content(LINK, null, avatar, "A"));

        assertThat(new Color(poster.getRGB(120, 120))).isEqualTo(new Color(0x00FF00));
        assertThat(new Color(poster.getRGB(61, 61))).isEqualTo(new Color(BACKGROUND.getRGB(61, 61)));
    }

    /** What happens to a poster shared in a chat: scaled to half, saved again as JPEG quality 60. */
    static BufferedImage halfSizeJpeg60(BufferedImage poster) {
        BufferedImage half =
                new BufferedImage(poster.getWidth() / 2, poster.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(poster, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        return QrCodes.image(ImageFixtures.jpeg(half, 0.6f));
    }

    private static long differing(BufferedImage a, BufferedImage b, int x, int y, int w, int h) {
        long n = 0;
        for (int py = y; py < y + h; py++) {
            for (int px = x; px < x + w; px++) {
                if (a.getRGB(px, py) != b.getRGB(px, py)) {
                    n++;
                }
            }
        }
        return n;
    }
}
