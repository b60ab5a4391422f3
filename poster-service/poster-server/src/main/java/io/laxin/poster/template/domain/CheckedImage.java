package io.laxin.poster.template.domain;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image that passed {@link Images#check}: its original bytes (what is stored and hashed), its format and size,
 * and its decoded pixels.
 */
public record CheckedImage(
        byte[] bytes, ImageFormat format, int width, int height, String sha256, BufferedImage pixels) {

    public CheckedImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(pixels, "pixels");
    }
}
