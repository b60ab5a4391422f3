package io.laxin.antifraud;

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
 * {@code laxin.antifraud.*}: everything antifraud-service is tuned by. The defaults are here and nowhere else (the
 * {@code @Scheduled} interval uses the placeholder below, whose default is this constant). A value that breaks a
 * constraint stops the start naming the property. Listed with these descriptions in the configuration metadata.
 *
 * @param rules          the cached rule settings and lists
 * @param identityMemory how long a phone hash's first owner, an openid's first sighting and a unionid's openids are
 *                       remembered
 * @param sentinel       flow control and circuit breaker around the screening endpoint
 * @param analysis       the late analysis (rings, clusters, zombies)
 */
@Validated
@ConfigurationProperties("laxin.antifraud")
public record AntifraudProperties(
        @DefaultValue @Valid Rules rules,

        @DefaultValue("90d") @NotNull @DurationMin(seconds = 1)
        Duration identityMemory,

        @DefaultValue @Valid Sentinel sentinel,
        @DefaultValue @Valid Analysis analysis) {

    static final String ANALYSIS_INTERVAL = "10m";

    /** For {@code @Scheduled}: {@code laxin.antifraud.analysis.interval}, else its default. */
    public static final String ANALYSIS_INTERVAL_PLACEHOLDER =
            "${laxin.antifraud.analysis.interval:" + ANALYSIS_INTERVAL + "}";

    /** @param refresh cached rule settings and lists are reloaded at least this often (and at once after a change) */
    public record Rules(
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1)
            Duration refresh) {}

    /**
     * Flow control answers 429 SCREENING_OVERLOADED at once; the breaker answers 503 SCREENING_DEGRADED while open.
     *
     * @param resource    the Sentinel resource name
     * @param qps         screenings per second before 429
     * @param errorRatio  share of failed calls (0–1) that opens the breaker
     * @param slowMs      a call slower than this counts as slow
     * @param openSeconds how long the breaker stays open
     * @param minRequests calls in a window before it may open
     * @param logDir      where Sentinel writes its logs (none: {@code <java.io.tmpdir>/laxin-sentinel-logs})
     */
    public record Sentinel(
            @DefaultValue("antifraud-screening") @NotBlank String resource,
            @DefaultValue("2000") @Positive double qps,

            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1")
            double errorRatio,

            @DefaultValue("500") @Positive int slowMs,
            @DefaultValue("10") @Positive int openSeconds,
            @DefaultValue("20") @Positive int minRequests,
            Path logDir) {}

    /**
     * @param enabled                  whether this replica runs the analysis on a schedule (the job's lease picks one)
     * @param interval                 how often it runs
     * @param lookBack                 only screenings registered this long ago or later are analysed
     * @param clusterMinInvitees       invitees of one referrer before a cluster is looked for
     * @param clusterDeviceRatio       a cluster: the invitees are on at most invitees/N distinct devices
     * @param clusterSubnetMinInvitees a cluster: this many invitees on one /24 subnet
     * @param autoRejectRings          whether a referral ring is rejected at once (else it goes to review)
     * @param zombies                  invitees who never show activity
     */
    public record Analysis(
            @DefaultValue("true") boolean enabled,

            @DefaultValue(ANALYSIS_INTERVAL) @NotNull @DurationMin(seconds = 1)
            Duration interval,

            @DefaultValue("30d") @NotNull @DurationMin(seconds = 1)
            Duration lookBack,

            @DefaultValue("5") @Positive int clusterMinInvitees,
            @DefaultValue("3") @Positive int clusterDeviceRatio,
            @DefaultValue("8") @Positive int clusterSubnetMinInvitees,
            @DefaultValue("true") boolean autoRejectRings,
            @DefaultValue @Valid Zombies zombies) {}

    /**
     * @param enabled    off until the host reports activity ({@code POST /api/v1/host/risk/activity})
     * @param holdPeriod an invitee without activity this long after registering is a zombie
     */
    public record Zombies(
            @DefaultValue("false") boolean enabled,

            @DefaultValue("7d") @NotNull @DurationMin(seconds = 1)
            Duration holdPeriod) {}
}
