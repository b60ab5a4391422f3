package io.laxin.poster.template.domain;

/** How large an uploaded or fetched image may be: in bytes, and in pixels as its header declares them. */
public record ImageLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels) {

    public ImageLimits {
        if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }
}
