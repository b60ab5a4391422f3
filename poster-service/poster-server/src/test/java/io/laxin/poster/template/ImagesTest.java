package io.laxin.poster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.template.domain.CheckedImage;
import io.laxin.poster.template.domain.ImageFormat;
import io.laxin.poster.template.domain.ImageLimits;
import io.laxin.poster.template.domain.Images;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImagesTest {

    private static final ImageLimits LIMITS = new ImageLimits(5 * 1024 * 1024, 4096, 4096, 4096L * 4096);

    @Test
    void shouldAcceptAPngAndAJpegAndReadTheirSize() {
        CheckedImage png = Images.check(ImageFixtures.png(750, 1334), LIMITS, "background");
        CheckedImage jpeg = Images.check(ImageFixtures.jpeg(640, 480), LIMITS, "background");

        assertThat(png.format()).isEqualTo(ImageFormat.PNG);
        assertThat(png.width()).isEqualTo(750);
        assertThat(png.height()).isEqualTo(1334);
        assertThat(png.sha256()).hasSize(64);
        assertThat(jpeg.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(jpeg.pixels().getWidth()).isEqualTo(640);
    }

    @Test
    void shouldRefuseMoreBytesThanTheLimit() {
        byte[] png = ImageFixtures.png(750, 1334);
        ImageLimits small = new ImageLimits(png.length - 1, 4096, 4096, 4096L * 4096);

        assertRefused(() -> Images.check(png, small, "background"), PosterErrorCode.IMAGE_TOO_LARGE, "bytes");
    }

    @Test
    void shouldRefuseAnImageWiderOrTallerThanTheLimitFromItsHeader() {
        ImageLimits limits = new ImageLimits(5 * 1024 * 1024, 1000, 1000, 1_000_000);

        assertRefused(
                () -> Images.check(ImageFixtures.png(1001, 10), limits, "background"),
                PosterErrorCode.IMAGE_TOO_LARGE,
                "1001×10");
        assertRefused(
                () -> Images.check(ImageFixtures.jpeg(10, 1001), limits, "background"),
                PosterErrorCode.IMAGE_TOO_LARGE,
                "10×1001");
    }

    @Test
    void shouldRefuseTooManyPixelsInAll() {
        ImageLimits limits = new ImageLimits(5 * 1024 * 1024, 1000, 1000, 500_000);

        assertRefused(
                () -> Images.check(ImageFixtures.png(1000, 600), limits, "background"),
                PosterErrorCode.IMAGE_TOO_LARGE,
                "500000 pixels");
    }

    @Test
    void shouldRefuseADecompressionBombBeforeDecodingIt() {
        // 60000 × 60000 grey pixels: 3.6 GB once decoded, a few kilobytes as a file
        byte[] bomb = ImageFixtures.pngBomb(60_000, 60_000);
        assertThat(bomb.length).isLessThan(20_000);

        // without the header check the reader would start allocating 3.6 GB (an OutOfMemoryError, not a refusal)
        assertRefused(() -> Images.check(bomb, LIMITS, "background"), PosterErrorCode.IMAGE_TOO_LARGE, "60000×60000");
    }

    @Test
    void shouldRefuseAGifOrAnythingElseThatIsNotPngOrJpeg() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertRefused(
                () -> Images.check(gif, LIMITS, "background"), PosterErrorCode.IMAGE_UNSUPPORTED, "not a PNG or JPEG");
        assertRefused(
                () -> Images.check("<svg/>".getBytes(), LIMITS, "background"),
                PosterErrorCode.IMAGE_UNSUPPORTED,
                "not a PNG or JPEG");
        assertRefused(
                () -> Images.check(new byte[0], LIMITS, "background"), PosterErrorCode.IMAGE_UNSUPPORTED, "empty");
    }

    @Test
    void shouldRefuseAFileThatOnlyStartsLikeAPng() {
        byte[] fake = Arrays.copyOf(ImageFixtures.png(100, 100), 8 + 40);
        Arrays.fill(fake, 8, fake.length, (byte) 0x42);

        assertRefused(
                () -> Images.check(fake, LIMITS, "background"),
                PosterErrorCode.IMAGE_UNSUPPORTED,
                "not a readable PNG");
    }

    @Test
    void shouldRefuseATruncatedJpeg() {
        byte[] jpeg = ImageFixtures.jpeg(400, 400);
        byte[] head = Arrays.copyOf(jpeg, 120);

        assertRefused(() -> Images.check(head, LIMITS, "background"), PosterErrorCode.IMAGE_UNSUPPORTED, "JPEG");
    }

    private static void assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, PosterErrorCode code, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LaxinException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
