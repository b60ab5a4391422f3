package io.laxin.poster.template.domain;

import java.util.Arrays;
import java.util.Optional;

/** The image types templates accept, told apart by their first bytes (never by a name or a declared type). */
public enum ImageFormat {
    PNG("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String imageIoName;
    private final byte[] magic;

    ImageFormat(String imageIoName, byte[] magic) {
        this.imageIoName = imageIoName;
        this.magic = magic;
    }

    public String imageIoName() {
        return imageIoName;
    }

    /** The format whose signature {@code bytes} start with, or empty. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        return Arrays.stream(values())
                .filter(f ->
                        bytes.length >= f.magic.length && Arrays.equals(Arrays.copyOf(bytes, f.magic.length), f.magic))
                .findFirst();
    }
}
