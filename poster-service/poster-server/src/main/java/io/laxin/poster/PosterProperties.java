package io.laxin.poster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code laxin.poster.*}: everything poster-service is tuned by. The defaults are here, except where
 * poster-service.yml maps an environment variable with a local-run fallback (POSTER_TITLE, POSTER_AVATAR_HOSTS,
 * POSTER_RENDER_MAX_CONCURRENT): that fallback is the one default, and the component has none. A value that breaks a
 * constraint stops the start naming the property. Listed with these descriptions in the configuration metadata.
 *
 * @param title      the built-in poster's headline when a campaign has no name to show (empty: the language's own
 *                   "invite a friend" line; env POSTER_TITLE)
 * @param background limits of an uploaded template background
 * @param avatar     fetching users' avatars
 * @param template   templates read and decoded
 * @param render     rendering
 * @param cache      rendered posters in Redis
 * @param wechat     the WeChat client (mini-program codes)
 * @param pregen     bulk pre-generation
 */
@Validated
@ConfigurationProperties("laxin.poster")
public record PosterProperties(
        @DefaultValue("") String title,
        @DefaultValue @Valid Background background,
        @DefaultValue @Valid Avatar avatar,
        @DefaultValue @Valid Template template,
        @DefaultValue @Valid Render render,
        @DefaultValue @Valid Cache cache,
        @DefaultValue @Valid Wechat wechat,
        @DefaultValue @Valid Pregen pregen) {

    static final String PREGEN_RESUME_INTERVAL = "5m";

    /** For {@code @Scheduled}: {@code laxin.poster.pregen.resume-interval}, else its default. */
    public static final String PREGEN_RESUME_INTERVAL_PLACEHOLDER =
            "${laxin.poster.pregen.resume-interval:" + PREGEN_RESUME_INTERVAL + "}";

    /**
     * @param maxBytes  the largest background file (5 MiB)
     * @param maxWidth  the widest background, in pixels
     * @param maxHeight the highest background, in pixels
     * @param maxPixels the most pixels (4096 × 4096), checked from the header before any pixel is decoded
     */
    public record Background(
            @DefaultValue("5242880") @Positive long maxBytes,
            @DefaultValue("4096") @Positive int maxWidth,
            @DefaultValue("4096") @Positive int maxHeight,
            @DefaultValue("16777216") @Positive long maxPixels) {}

    /**
     * @param allowedHosts         avatars are fetched only from these hosts, so a user-given URL cannot reach
     *                             internal addresses (env POSTER_AVATAR_HOSTS, comma-separated)
     * @param connectTimeout       how long a fetch waits to connect
     * @param readTimeout          how long a fetch waits for the whole image
     * @param maxBytes             the largest avatar file (512 KiB)
     * @param maxPixels            the most pixels (2048 × 2048)
     * @param recheckAfter         what an avatar URL served is remembered this long (by its SHA-256), so a cached
     *                             poster is found without fetching; a new image behind the same URL shows after at
     *                             most this long
     * @param recheckUnusableAfter a slow, too big or broken avatar is tried again after this
     */
    public record Avatar(
            @NotEmpty List<String> allowedHosts,

            @DefaultValue("300ms") @NotNull @DurationMin(millis = 1)
            Duration connectTimeout,

            @DefaultValue("800ms") @NotNull @DurationMin(millis = 1)
            Duration readTimeout,

            @DefaultValue("524288") @Positive long maxBytes,
            @DefaultValue("4194304") @Positive long maxPixels,
            @DefaultValue("1d") @NotNull Duration recheckAfter,
            @DefaultValue("5m") @NotNull Duration recheckUnusableAfter) {}

    /**
     * @param recheckLatestAfter which version is a template's latest is read again (one small row) after this, per
     *                           instance: a new version is served within this time (versions never change)
     * @param decodedCacheBytes  decoded backgrounds and logos held in memory, least recently used out: at most this
     *                           many bytes of pixels (4 per pixel: a 4096 × 4096 background takes 64 MiB)
     */
    public record Template(
            @DefaultValue("5s") @NotNull Duration recheckLatestAfter,
            @DefaultValue("201326592") @Positive long decodedCacheBytes) {}

    /**
     * @param maxConcurrent         renders drawing at once, each holding a canvas of up to 64 MiB (env
     *                              POSTER_RENDER_MAX_CONCURRENT)
     * @param slotWait              a request waits this long for a slot, then 503 RENDERING_BUSY
     * @param variantsPerUserPerDay different posters one user may have rendered per UTC day (cached ones are always
     *                              served)
     */
    public record Render(
            @Positive int maxConcurrent,
            @DefaultValue("2s") @NotNull Duration slotWait,
            @DefaultValue("20") @Positive int variantsPerUserPerDay) {}

    /**
     * @param ttl      how long a rendered poster is kept, by content hash
     * @param maxBytes a poster larger than this is served but not cached
     */
    public record Cache(
            @DefaultValue("7d") @NotNull @DurationMin(seconds = 1)
            Duration ttl,

            @DefaultValue("2097152") @Positive long maxBytes) {}

    /**
     * Without app id and secret there is no WeChat client, and a template asking for a mini-program code is refused
     * at render.
     *
     * @param appId               the mini program's app id (env LAXIN_POSTER_WECHAT_APP_ID; no default)
     * @param appSecret           its secret (env LAXIN_POSTER_WECHAT_APP_SECRET; no default)
     * @param baseUrl             WeChat's API
     * @param refreshBeforeExpiry an access token is refreshed this long before it expires
     * @param timeout             how long a call to WeChat waits
     */
    public record Wechat(
            String appId,
            String appSecret,

            @DefaultValue("https://api.weixin.qq.com") @NotNull
            URI baseUrl,

            @DefaultValue("5m") @NotNull Duration refreshBeforeExpiry,

            @DefaultValue("3s") @NotNull @DurationMin(millis = 1)
            Duration timeout) {}

    /**
     * @param resumeEnabled  whether this replica resumes unfinished pre-generation jobs on a schedule
     * @param resumeInterval how often it looks for them
     */
    public record Pregen(
            @DefaultValue("true") boolean resumeEnabled,

            @DefaultValue(PREGEN_RESUME_INTERVAL) @NotNull @DurationMin(seconds = 1)
            Duration resumeInterval) {}
}
