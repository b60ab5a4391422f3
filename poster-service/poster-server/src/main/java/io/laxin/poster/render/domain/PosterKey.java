package io.laxin.poster.render.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content key of a poster: a SHA-256 over everything that decides its bytes (renderer revision, template
 * version, code content, avatar bytes' hash, nickname, format). Same key, same bytes: it is the cache key and the
 * ETag.
 */
public final class PosterKey {

    /** Bump when a code change alters the pixels drawn for the same inputs, so old cache entries are not served. */
    public static final String RENDERER_REVISION = "r2";

    private PosterKey() {}

    public static String of(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(RENDERER_REVISION.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                digest.update((byte) 0);
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
