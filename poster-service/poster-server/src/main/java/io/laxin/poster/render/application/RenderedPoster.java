package io.laxin.poster.render.application;

import io.laxin.poster.render.domain.PosterFormat;

/**
 * A poster's content key (its ETag) and bytes; no bytes when the client already holds this exact poster.
 *
 * @param cacheHit whether the bytes came from the cache rather than a fresh render
 */
public record RenderedPoster(String key, PosterFormat format, byte[] bytes, boolean cacheHit) {

    public boolean notModified() {
        return bytes == null;
    }
}
