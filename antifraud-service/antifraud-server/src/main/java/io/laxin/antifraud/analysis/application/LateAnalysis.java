package io.laxin.antifraud.analysis.application;

import io.laxin.antifraud.analysis.domain.AnalysisInputs;
import io.laxin.antifraud.analysis.domain.JobLeases;
import io.laxin.antifraud.analysis.domain.ReferralGraph;
import io.laxin.antifraud.analysis.domain.ScreenedReferral;
import io.laxin.antifraud.review.application.DecidingCase;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.antifraud.screening.domain.Assessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Use case: look at the stored screenings after the fact and raise cases with evidence — referral rings (rejected at
 * once when {@code auto-reject-rings}: that publishes the risk-decided event), dense clusters under one referrer, and
 * zombie invitees (no host-reported activity before the hold period ended). Safe on several replicas: a run needs the
 * job lease; invitees that already have a case are skipped, so runs never raise the same case twice.
 */
@Service
public class LateAnalysis {

    public static final String JOB = "late-analysis";
    public static final String ACTOR = "late-analysis";
    private static final Logger log = LoggerFactory.getLogger(LateAnalysis.class);

    /** What one run did. {@code ran} is false when another replica held the lease. */
    public record Report(boolean ran, int screenings, int rings, int ringCases, int ringRejections, int clusters,
                         int clusterCases, int zombies, int zombieCases) {

        static Report skipped() {
            return new Report(false, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    public record Settings(Duration lease, Duration lookBack, int clusterMinInvitees, int clusterDeviceRatio,
                           int clusterSubnetMinInvitees, boolean autoRejectRings, boolean zombiesEnabled,
                           Duration holdPeriod) {
    }

    private final AnalysisInputs inputs;
    private final JobLeases leases;
    private final ReviewCases cases;
    private final DecidingCase deciding;
    private final Clock clock;
    private final Settings settings;
    private final String owner = "replica-" + UUID.randomUUID();

    public LateAnalysis(AnalysisInputs inputs, JobLeases leases, ReviewCases cases, DecidingCase deciding, Clock clock,
                        @Value("${laxin.antifraud.analysis.lease:5m}") Duration lease,
                        @Value("${laxin.antifraud.analysis.look-back:30d}") Duration lookBack,
                        @Value("${laxin.antifraud.analysis.cluster-min-invitees:5}") int clusterMinInvitees,
                        @Value("${laxin.antifraud.analysis.cluster-device-ratio:3}") int clusterDeviceRatio,
                        @Value("${laxin.antifraud.analysis.cluster-subnet-min-invitees:8}") int subnetMinInvitees,
                        @Value("${laxin.antifraud.analysis.auto-reject-rings:true}") boolean autoRejectRings,
                        @Value("${laxin.antifraud.analysis.zombies.enabled:false}") boolean zombiesEnabled,
                        @Value("${laxin.antifraud.analysis.zombies.hold-period:7d}") Duration holdPeriod) {
        this.settings = new Settings(lease, lookBack, clusterMinInvitees, clusterDeviceRatio, subnetMinInvitees,
                autoRejectRings, zombiesEnabled, holdPeriod);
        this.inputs = inputs;
        this.leases = leases;
        this.cases = cases;
        this.deciding = deciding;
        this.clock = clock;
    }

    public Report runOnce() {
        Instant start = clock.instant();
        if (!leases.acquire(JOB, owner, start, start.plus(settings.lease()))) {
            return Report.skipped();
        }
        try {
            Report report = analyse(start);
            log.info("Late analysis: {}", report);
            return report;
        } finally {
            leases.release(JOB, owner, clock.instant());
        }
    }

    private Report analyse(Instant now) {
        List<ScreenedReferral> screened = inputs.screenedSince(now.minus(settings.lookBack()));
        ReferralGraph graph = new ReferralGraph(screened);

        int ringCases = 0;
        int ringRejections = 0;
        List<ReferralGraph.Ring> rings = graph.rings();
        for (ReferralGraph.Ring ring : rings) {
            String members = String.join(" → ", ring.members());
            for (ScreenedReferral r : ring.referrals()) {
                Assessment.Finding finding = new Assessment.Finding("REFERRAL_RING", "Referrers invite each other: "
                        + "ring of " + ring.members().size() + " (" + members + ")",
                        100, Integer.toString(ring.members().size()), ">= 2");
                Long id = raise(r, 100, List.of(finding), now);
                if (id != null) {
                    ringCases++;
                    if (settings.autoRejectRings()) {
                        deciding.decide(id, DecidingCase.Decision.REJECT, ACTOR, "Confirmed referral ring: "
                                + members);
                        ringRejections++;
                    }
                }
            }
        }

        int clusterCases = 0;
        List<ReferralGraph.Cluster> clusters = graph.clusters(settings.clusterMinInvitees(),
                settings.clusterDeviceRatio(), settings.clusterSubnetMinInvitees());
        for (ReferralGraph.Cluster cluster : clusters) {
            for (ScreenedReferral r : cluster.referrals()) {
                Assessment.Finding finding = new Assessment.Finding("DENSE_CLUSTER", "Invitees of "
                        + cluster.referrerUserId() + " packed together: " + cluster.why(), 60,
                        cluster.referrals().size() + " invitees / " + cluster.distinctDevices() + " devices / "
                                + cluster.distinctSubnets() + " subnets",
                        "devices × " + settings.clusterDeviceRatio() + " ≤ invitees, or one /24 for ≥ "
                                + settings.clusterSubnetMinInvitees());
                if (raise(r, 60, List.of(finding), now) != null) {
                    clusterCases++;
                }
            }
        }

        int zombies = 0;
        int zombieCases = 0;
        if (settings.zombiesEnabled()) {
            Instant heldUntilBefore = now.minus(settings.holdPeriod());
            List<ScreenedReferral> due = screened.stream().filter(r -> "PASS".equals(r.verdict())
                    && r.registeredAt() != null && !r.registeredAt().isAfter(heldUntilBefore)).toList();
            Set<String> active = inputs.activeSince(due.stream().map(ScreenedReferral::inviteeUserId)
                    .collect(Collectors.toSet()), now.minus(settings.lookBack()).minus(settings.holdPeriod()));
            for (ScreenedReferral r : due) {
                if (active.contains(r.inviteeUserId())) {
                    continue;
                }
                zombies++;
                Assessment.Finding finding = new Assessment.Finding("ZOMBIE_INVITEE", "No activity reported for "
                        + r.inviteeUserId() + " within the hold period after registering at " + r.registeredAt(),
                        55, "no activity", "hold period " + settings.holdPeriod());
                if (raise(r, 55, List.of(finding), now) != null) {
                    zombieCases++;
                }
            }
        }
        return new Report(true, screened.size(), rings.size(), ringCases, ringRejections, clusters.size(),
                clusterCases, zombies, zombieCases);
    }

    /**
     * Opens a case unless the registration was already rejected at screening or the invitee already has a case in
     * the campaign; returns the new case's id.
     */
    private Long raise(ScreenedReferral r, int score, List<Assessment.Finding> evidence, Instant now) {
        if ("REJECT".equals(r.verdict()) || cases.exists(r.campaignId(), r.inviteeUserId())) {
            return null;
        }
        return cases.open(new ReviewCases.NewCase(r.screeningId(), r.campaignId(), r.referrerUserId(),
                r.inviteeUserId(), ReviewCase.Source.LATE_ANALYSIS, score, new ArrayList<>(evidence), now));
    }
}
