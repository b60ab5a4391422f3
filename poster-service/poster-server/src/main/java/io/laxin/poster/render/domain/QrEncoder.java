package io.laxin.poster.render.domain;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Encodes a share link as a QR code (error correction M, quiet zone of 2 modules) that a common reader finds.
 * ZXing's own detector misses a small share of perfectly printed codes whose data happens to look like a finder
 * pattern (about 1 in 300 share links here; "it just happens sometimes" say its maintainers). So each code is read
 * back once, and if it cannot be, it is encoded again with another of the eight masks the standard allows.
 */
final class QrEncoder {

    private static final int MASK_PATTERNS = 8;

    private QrEncoder() {}

    /** The code as a {@code size}×{@code size} (or larger, for a very long link) matrix, black = {@code true}. */
    static BitMatrix encode(String content, int size, int quietZone) {
        return encode(content, size, quietZone, ErrorCorrectionLevel.M);
    }

    /** As {@link #encode(String, int, int)}, with the error-correction level a template asks for. */
    static BitMatrix encode(String content, int size, int quietZone, ErrorCorrectionLevel level) {
        BitMatrix first = encode(content, size, quietZone, level, null);
        if (readsBack(first, content)) {
            return first;
        }
        for (int mask = 0; mask < MASK_PATTERNS; mask++) {
            BitMatrix other = encode(content, size, quietZone, level, mask);
            if (readsBack(other, content)) {
                return other;
            }
        }
        return first; // still a valid code; a reader with a better detector can read it
    }

    private static BitMatrix encode(
            String content, int size, int quietZone, ErrorCorrectionLevel level, Integer maskPattern) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.MARGIN, quietZone);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(content)) {
            // only then: an ECI header for UTF-8 lengthens the code and old readers mishandle it
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        if (maskPattern != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, maskPattern);
        }
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("The share link cannot be put in a QR code: " + e.getMessage(), e);
        }
    }

    static int[] pixels(BitMatrix matrix) {
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return pixels;
    }

    private static boolean readsBack(BitMatrix matrix, String content) {
        RGBLuminanceSource source = new RGBLuminanceSource(matrix.getWidth(), matrix.getHeight(), pixels(matrix));
        try {
            return content.equals(new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)))
                    .getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
