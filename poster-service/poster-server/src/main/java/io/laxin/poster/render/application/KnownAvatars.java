package io.laxin.poster.render.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.PosterConfiguration;
import io.laxin.poster.PosterProperties;
import io.laxin.poster.render.domain.Avatars;
import io.laxin.poster.render.domain.PosterCache;
import io.laxin.poster.template.domain.CheckedImage;
import io.laxin.poster.template.domain.ImageLimits;
import io.laxin.poster.template.domain.Images;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Avatars by URL, and what each URL served lately. A poster's content key holds the SHA-256 of its avatar's bytes;
 * fetching the avatar on every request to learn it would make a cached poster cost an HTTP call to a third-party
 * CDN. So the digest of what a URL served is remembered (in the poster cache, shared by every instance) for
 * {@code laxin.poster.avatar.recheck-after}, by the injected clock: within that time a request finds its poster
 * (and answers 304) without fetching the avatar. After it, the next request that needs the avatar fetches it again;
 * the same bytes give the same key (still a cache hit, the same ETag), a new image behind the same URL gives a new
 * key and a new poster. An unusable avatar (slow, too big, not an image) is remembered as "none" for the shorter
 * {@code recheck-unusable-after}, so a passing failure does not stick.
 */
@Component
public class KnownAvatars {

    /** The digest of "no usable avatar": the poster shows the nickname's initial. */
    public static final String NONE = "-";

    /** A fetched avatar: its digest, and its pixels (null when unusable). */
    public record Fetched(String digest, BufferedImage pixels) {}

    private final Avatars avatars;
    private final PosterCache cache;
    private final ImageLimits limits;
    private final Clock clock;
    private final Duration recheckAfter;
    private final Duration recheckUnusableAfter;

    public KnownAvatars(
            Avatars avatars,
            PosterCache cache,
            @Qualifier(PosterConfiguration.AVATAR_LIMITS) ImageLimits limits,
            Clock clock,
            PosterProperties properties) {
        this.avatars = avatars;
        this.cache = cache;
        this.limits = limits;
        this.clock = clock;
        this.recheckAfter = properties.avatar().recheckAfter();
        this.recheckUnusableAfter = properties.avatar().recheckUnusableAfter();
    }

    /** The digest of what {@code url} served when last fetched, unless that is older than the recheck time. */
    public Optional<String> rememberedDigest(String url) {
        return cache.get(memoryKey(url))
                .map(b -> new String(b, StandardCharsets.US_ASCII))
                .flatMap(this::unlessStale);
    }

    /** {@code <digest>@<epoch millis until>}: the digest while it is fresh; empty when stale or unreadable. */
    private Optional<String> unlessStale(String remembered) {
        int at = remembered.indexOf('@');
        try {
            Instant until = Instant.ofEpochMilli(Long.parseLong(remembered.substring(at + 1)));
            return at > 0 && clock.instant().isBefore(until)
                    ? Optional.of(remembered.substring(0, at))
                    : Optional.empty();
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** Fetches and checks the avatar, and remembers its digest. */
    public Fetched fetch(String url) {
        CheckedImage image = avatars.fetch(url).map(this::checked).orElse(null);
        Fetched fetched = image == null ? new Fetched(NONE, null) : new Fetched(image.sha256(), image.pixels());
        Duration keep = image == null ? recheckUnusableAfter : recheckAfter;
        String value = fetched.digest() + "@" + clock.instant().plus(keep).toEpochMilli();
        cache.put(memoryKey(url), value.getBytes(StandardCharsets.US_ASCII), keep);
        return fetched;
    }

    private CheckedImage checked(byte[] bytes) {
        try {
            return Images.check(bytes, limits, "avatar");
        } catch (LaxinException unusable) {
            return null;
        }
    }

    private static String memoryKey(String url) {
        try {
            return "avatar:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
