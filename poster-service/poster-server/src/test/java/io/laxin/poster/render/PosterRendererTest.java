package io.laxin.poster.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.laxin.poster.render.domain.FontChain;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.PosterLanguage;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.PosterSpec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PosterRendererTest {

    private static final String SHARE_LINK = "https://h5.laxin.test/i/K7M2QX?c=poster&campaign=42&u=u-1001";

    private final PosterRenderer renderer = new PosterRenderer();

    private static PosterSpec poster(String title, String code, String link) {
        return new PosterSpec(title, code, link);
    }

    private static PosterSpec aPoster() {
        return poster("Invite a friend and you both get a reward", "K7M2QX", SHARE_LINK);
    }

    @Test
    void shouldRenderAPngOfPhonePosterSizeWhoseQrCodeIsTheShareLink() {
        byte[] png = renderer.render(aPoster(), PosterFormat.PNG);

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage image = QrCodes.image(png);
        assertThat(image.getWidth()).isEqualTo(750);
        assertThat(image.getHeight()).isEqualTo(1334);
        assertThat(QrCodes.decode(image).getText()).isEqualTo(SHARE_LINK);
    }

    @Test
    void shouldRenderAJpegOfPhonePosterSizeWhoseQrCodeIsTheShareLink() {
        byte[] jpeg = renderer.render(aPoster(), PosterFormat.JPEG);

        assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xFF, 0xD8, 0xFF);
        BufferedImage image = QrCodes.image(jpeg);
        assertThat(image.getWidth()).isEqualTo(750);
        assertThat(image.getHeight()).isEqualTo(1334);
        assertThat(QrCodes.decode(image).getText()).isEqualTo(SHARE_LINK);
    }

    @Test
    void shouldWriteTheJpegAtQuality90() {
        byte[] jpeg = renderer.render(aPoster(), PosterFormat.JPEG);

        // ImageIO scales the standard luminance table (DC entry 16) by 2 - 2 * quality: 0.2 at 0.9, i.e. 3;
        // its default quality 0.75 would give 8.
        assertThat(firstLuminanceQuantizer(jpeg)).isEqualTo(3);
    }

    @Test
    void shouldDrawAQrCodeOfAbout420PixelsInItsPlace() {
        Result result = QrCodes.decode(renderer.draw(aPoster()));

        ResultPoint[] finders = result.getResultPoints();
        double minX =
                Arrays.stream(finders).mapToDouble(ResultPoint::getX).min().orElseThrow();
        double maxX =
                Arrays.stream(finders).mapToDouble(ResultPoint::getX).max().orElseThrow();
        double minY =
                Arrays.stream(finders).mapToDouble(ResultPoint::getY).min().orElseThrow();
        double maxY =
                Arrays.stream(finders).mapToDouble(ResultPoint::getY).max().orElseThrow();
        assertThat(minX).isGreaterThan(PosterRenderer.QR_X);
        assertThat(maxX).isLessThan(PosterRenderer.QR_X + PosterRenderer.QR_SIZE);
        assertThat(minY).isGreaterThan(PosterRenderer.QR_Y);
        assertThat(maxY).isLessThan(PosterRenderer.QR_Y + PosterRenderer.QR_SIZE);
        // finder pattern centres sit 3.5 modules in from the symbol's edges: a 420 px code spreads them > 280 px
        assertThat(maxX - minX).isGreaterThan(280);
        assertThat(maxY - minY).isGreaterThan(280);
    }

    @Test
    void shouldKeepTheQrCodeReadableForALongLinkAndALongChineseTitle() {
        String link =
                SHARE_LINK + "&utm_source=poster&utm_medium=wechat&utm_campaign=double-eleven&ref=" + "x".repeat(120);
        String title = "邀请好友注册并完成首单，双方各得二十元无门槛优惠券，多邀多得，上不封顶，活动时间有限，快来参加吧";

        byte[] jpeg = renderer.render(poster(title, "ABCDEFGH", link), PosterFormat.JPEG);

        assertThat(QrCodes.text(jpeg)).isEqualTo(link);
    }

    @Test
    void shouldPickAnotherMaskWhenZxingCannotFindTheCodeWithItsFirstChoice() {
        // With ZXing's default mask this link's code holds a false finder pattern and ZXing's reader misses it.
        String link = "https://h5.laxin.test/i/AB26333?c=poster&campaign=97260&u=u832838";
        assertThat(readsWithDefaultMask(link))
                .as("fixture still exercises the fallback")
                .isFalse();

        assertThat(QrCodes.text(renderer.render(poster("Title", "AB26333", link), PosterFormat.PNG)))
                .isEqualTo(link);
        assertThat(QrCodes.text(renderer.render(poster("Title", "AB26333", link), PosterFormat.JPEG)))
                .isEqualTo(link);
    }

    @Test
    void shouldEncodeANonLatinLinkAsUtf8() {
        String link = "https://h5.laxin.test/i/K7M2QX?c=poster&t=邀请好友";

        assertThat(QrCodes.text(renderer.render(aPosterWith(link), PosterFormat.PNG)))
                .isEqualTo(link);
    }

    @Test
    void shouldPaintAVerticalGradientBehindEverything() {
        BufferedImage image = renderer.draw(aPoster());

        Color top = new Color(image.getRGB(10, 2));
        Color middle = new Color(image.getRGB(10, 667));
        Color bottom = new Color(image.getRGB(10, 1331));
        assertThat(top).isNotEqualTo(bottom);
        assertThat(new Color(image.getRGB(740, 2))).isEqualTo(top);
        assertThat(middle.getGreen())
                .isBetween(Math.min(top.getGreen(), bottom.getGreen()), Math.max(top.getGreen(), bottom.getGreen()));
        assertThat(middle.getGreen()).isNotIn(top.getGreen(), bottom.getGreen());
    }

    @Test
    void shouldDrawTheTitleAboveTheQrCode() {
        BufferedImage withTitle = renderer.draw(aPoster());
        BufferedImage withoutTitle = renderer.draw(poster("", "K7M2QX", SHARE_LINK));

        assertThat(differingPixels(withTitle, withoutTitle, 0, PosterRenderer.QR_Y))
                .isGreaterThan(2_000);
        assertThat(differingPixels(withTitle, withoutTitle, PosterRenderer.QR_Y, 1334))
                .isZero();
    }

    @Test
    void shouldSayItsOwnWordsInChineseByDefaultAndInEnglishOnRequest() {
        BufferedImage chinese = renderer.draw(poster("双十二邀请好友", "K7M2QX", SHARE_LINK));
        BufferedImage english = renderer.draw(new PosterSpec("双十二邀请好友", "K7M2QX", SHARE_LINK, PosterLanguage.EN));

        // the code label and the footer differ, the headline above the code does not
        assertThat(differingPixels(chinese, english, 0, PosterRenderer.QR_Y)).isZero();
        assertThat(differingPixels(chinese, english, PosterRenderer.QR_Y + PosterRenderer.QR_SIZE, 1334))
                .isGreaterThan(500);
        // and every character of those words is in the bundled fonts, so none is dropped on a server without CJK
        for (PosterLanguage language : PosterLanguage.values()) {
            String words = language.codeLabel() + language.footer() + language.defaultTitle();
            assertThat(FontChain.bundled().runs(words).stream()
                            .map(FontChain.Run::text)
                            .reduce("", String::concat))
                    .as(language.name())
                    .isEqualTo(words);
        }
        assertThat(PosterLanguage.named("en-US")).contains(PosterLanguage.EN);
        assertThat(PosterLanguage.named(null)).contains(PosterLanguage.ZH_CN);
        assertThat(PosterLanguage.named("fr")).isEmpty();
    }

    @Test
    void shouldPrintTheInviteCodeUnderTheQrCode() {
        BufferedImage one = renderer.draw(poster("Title", "K7M2QX", SHARE_LINK));
        BufferedImage other = renderer.draw(poster("Title", "HJ3RT9", SHARE_LINK));

        int below = PosterRenderer.QR_Y + PosterRenderer.QR_SIZE;
        assertThat(differingPixels(one, other, 0, below)).isZero();
        assertThat(differingPixels(one, other, below, 1334)).isGreaterThan(500);
    }

    @Test
    void shouldRefuseAPosterWithoutShareLinkOrCode() {
        assertThatThrownBy(() -> poster("t", "K7M2QX", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poster("t", "", SHARE_LINK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameTheFormatsClientsMayAskFor() {
        assertThat(PosterFormat.named("JPEG")).contains(PosterFormat.JPEG);
        assertThat(PosterFormat.named("jpg")).contains(PosterFormat.JPEG);
        assertThat(PosterFormat.named("png")).contains(PosterFormat.PNG);
        assertThat(PosterFormat.named("gif")).isEmpty();
        assertThat(PosterFormat.named(null)).isEmpty();
        assertThat(PosterFormat.PNG.mediaType()).isEqualTo("image/png");
        assertThat(PosterFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
    }

    private static PosterSpec aPosterWith(String link) {
        return poster("Invite a friend and you both get a reward", "K7M2QX", link);
    }

    private static boolean readsWithDefaultMask(String link) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            link,
                            BarcodeFormat.QR_CODE,
                            PosterRenderer.QR_SIZE,
                            PosterRenderer.QR_SIZE,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    PosterRenderer.QR_QUIET_ZONE));
            QrCodes.decode(MatrixToImageWriter.toBufferedImage(matrix));
            return true;
        } catch (AssertionError notFound) {
            return false;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long differingPixels(BufferedImage a, BufferedImage b, int fromY, int toY) {
        long n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The first (DC) entry of the first quantization table in a JPEG's DQT segment. */
    private static int firstLuminanceQuantizer(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length; ) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new AssertionError("Not at a JPEG marker at " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDB) {
                int precisionAndId = jpeg[i + 4] & 0xFF;
                assertThat(precisionAndId).as("8-bit table 0").isZero();
                return jpeg[i + 5] & 0xFF;
            }
            i += 2 + length;
        }
        throw new AssertionError("No DQT segment");
    }
}
