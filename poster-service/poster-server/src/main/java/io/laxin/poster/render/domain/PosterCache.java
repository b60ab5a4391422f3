package io.laxin.poster.render.domain;

import java.time.Duration;
import java.util.Optional;

/** Port: rendered posters (and mini-program codes) by content key, bounded by a time to live. */
public interface PosterCache {

    Optional<byte[]> get(String key);

    void put(String key, byte[] bytes, Duration ttl);
}
