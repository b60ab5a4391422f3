package io.laxin.poster.template.domain;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an untrusted image before anything keeps or draws it, cheapest test first: the byte count; the type from
 * its signature (PNG or JPEG only); the width and height from its header, read by the ImageIO reader without
 * decoding a pixel, so a small file that would inflate to gigabytes (a decompression bomb) is refused before it is
 * decoded; and only then a full decode, which must succeed.
 */
public final class Images {

    private Images() {}

    /** The checked image, or a 413 {@code IMAGE_TOO_LARGE} / 415 {@code IMAGE_UNSUPPORTED} refusal. */
    public static CheckedImage check(byte[] bytes, ImageLimits limits, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new LaxinException(PosterErrorCode.IMAGE_UNSUPPORTED, what + " is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new LaxinException(
                    PosterErrorCode.IMAGE_TOO_LARGE,
                    what + " has " + bytes.length + " bytes; at most " + limits.maxBytes() + " are accepted");
        }
        ImageFormat format = ImageFormat.sniff(bytes)
                .orElseThrow(() ->
                        new LaxinException(PosterErrorCode.IMAGE_UNSUPPORTED, what + " is not a PNG or JPEG image"));
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            // the header only: no pixel is decoded yet
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new LaxinException(PosterErrorCode.IMAGE_UNSUPPORTED, what + " declares no pixels");
            }
            if (width > limits.maxWidth()
                    || height > limits.maxHeight()
                    || (long) width * height > limits.maxPixels()) {
                throw new LaxinException(
                        PosterErrorCode.IMAGE_TOO_LARGE,
                        what + " is " + width + "×" + height
                                + " pixels; at most " + limits.maxWidth() + "×" + limits.maxHeight() + " and "
                                + limits.maxPixels() + " pixels in all are accepted");
            }
            BufferedImage pixels = reader.read(0);
            if (pixels == null || pixels.getWidth() != width || pixels.getHeight() != height) {
                throw new LaxinException(PosterErrorCode.IMAGE_UNSUPPORTED, what + " could not be decoded");
            }
            return new CheckedImage(bytes, format, width, height, sha256(bytes), pixels);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LaxinException refusal) {
                throw refusal;
            }
            throw new LaxinException(
                    PosterErrorCode.IMAGE_UNSUPPORTED,
                    what + " is not a readable " + format + " image: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
