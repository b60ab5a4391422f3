package io.laxin.invite;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code laxin.invite.*}: everything invite-service is tuned by. The defaults are here and nowhere else (the
 * {@code @Scheduled} intervals use the placeholders below, whose defaults are these constants); invite-service.yml
 * only maps environment variables. A value that breaks a constraint stops the start naming the property. Listed with
 * these descriptions in the configuration metadata.
 *
 * @param shareBaseUrl              the public base of share links: the gateway's public URL (env SHARE_BASE_URL)
 * @param identityKey               keys the hashes of phone numbers, 32+ characters; must stay the same for the life
 *                                  of the data (env LAXIN_IDENTITY_KEY; no default, the service does not start
 *                                  without it)
 * @param deviceTokenKey            signs the device tokens that attribute touches (ADR 0005), 32+ characters (env
 *                                  LAXIN_DEVICE_TOKEN_KEY; no default)
 * @param deviceTokenPreviousKey    while rotating, the key before, still accepted for about a year (the cookie's
 *                                  life; env LAXIN_DEVICE_TOKEN_PREVIOUS_KEY)
 * @param campaignCacheTtl          how long a campaign read is reused by attribution and touches
 * @param touchFlushInterval        how often touch counts pending in Redis are written to the database
 * @param deviceTouchCleanupInterval how often expired device touches are deleted
 * @param deviceTouchCleanupBatch   device touches deleted per statement
 * @param rescreenInterval          how often referrals held while antifraud-service was away are screened again
 * @param screeningBreaker          the circuit breaker around antifraud-service's screening
 */
@Validated
@ConfigurationProperties("laxin.invite")
public record InviteProperties(
        @NotBlank String shareBaseUrl,
        String identityKey,
        String deviceTokenKey,
        String deviceTokenPreviousKey,

        @DefaultValue("5s") @NotNull @DurationMin(millis = 0)
        Duration campaignCacheTtl,

        @DefaultValue(TOUCH_FLUSH_INTERVAL) @NotNull @DurationMin(millis = 1)
        Duration touchFlushInterval,

        @DefaultValue(DEVICE_TOUCH_CLEANUP_INTERVAL) @NotNull @DurationMin(millis = 1)
        Duration deviceTouchCleanupInterval,

        @DefaultValue("1000") @Positive int deviceTouchCleanupBatch,

        @DefaultValue(RESCREEN_INTERVAL) @NotNull @DurationMin(millis = 1)
        Duration rescreenInterval,

        @DefaultValue @Valid ScreeningBreaker screeningBreaker) {

    static final String TOUCH_FLUSH_INTERVAL = "2s";
    static final String DEVICE_TOUCH_CLEANUP_INTERVAL = "1h";
    static final String RESCREEN_INTERVAL = "15s";

    /** For {@code @Scheduled}: {@code laxin.invite.touch-flush-interval}, else its default. */
    public static final String TOUCH_FLUSH_INTERVAL_PLACEHOLDER =
            "${laxin.invite.touch-flush-interval:" + TOUCH_FLUSH_INTERVAL + "}";

    /** For {@code @Scheduled}: {@code laxin.invite.device-touch-cleanup-interval}, else its default. */
    public static final String DEVICE_TOUCH_CLEANUP_INTERVAL_PLACEHOLDER =
            "${laxin.invite.device-touch-cleanup-interval:" + DEVICE_TOUCH_CLEANUP_INTERVAL + "}";

    /** For {@code @Scheduled}: {@code laxin.invite.rescreen-interval}, else its default. */
    public static final String RESCREEN_INTERVAL_PLACEHOLDER =
            "${laxin.invite.rescreen-interval:" + RESCREEN_INTERVAL + "}";

    /**
     * Sentinel's degrade rules for the screening call: open on a slow or failing share of calls, then REVIEW without
     * calling.
     *
     * @param resource    the Sentinel resource name
     * @param errorRatio  share of failed calls (0–1) that opens the breaker
     * @param slowMs      a call slower than this counts as slow
     * @param openSeconds how long the breaker stays open
     * @param minRequests calls in a window before it may open
     * @param logDir      where Sentinel writes its logs (none: {@code <java.io.tmpdir>/laxin-sentinel-logs})
     */
    public record ScreeningBreaker(
            @DefaultValue("invite-antifraud-screening") @NotBlank
            String resource,

            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1")
            double errorRatio,

            @DefaultValue("600") @Positive int slowMs,
            @DefaultValue("10") @Positive int openSeconds,
            @DefaultValue("10") @Positive int minRequests,
            Path logDir) {}
}
