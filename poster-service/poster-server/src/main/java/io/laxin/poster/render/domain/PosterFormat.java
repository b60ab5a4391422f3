package io.laxin.poster.render.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image formats a poster is rendered in. */
public enum PosterFormat {
    JPEG("jpeg", "image/jpeg"),
    PNG("png", "image/png");

    private final String imageIoName;
    private final String mediaType;

    PosterFormat(String imageIoName, String mediaType) {
        this.imageIoName = imageIoName;
        this.mediaType = mediaType;
    }

    /** The format a client named ({@code jpeg}, {@code jpg} or {@code png}, any case), or empty. */
    public static Optional<PosterFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("jpg")) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values()).filter(f -> f.imageIoName.equals(n)).findFirst();
    }

    /** The ImageIO format name. */
    public String imageIoName() {
        return imageIoName;
    }

    public String mediaType() {
        return mediaType;
    }
}
