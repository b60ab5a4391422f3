package io.laxin.antifraud.analysis.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.laxin.antifraud.AntifraudProperties;
import io.laxin.antifraud.analysis.domain.AnalysisInputs;
import io.laxin.antifraud.analysis.domain.InviteeOrders;
import io.laxin.antifraud.analysis.domain.ReferralGraph;
import io.laxin.antifraud.analysis.domain.ScreenedReferral;
import io.laxin.antifraud.analysis.domain.SingleOrderReferrers;
import io.laxin.antifraud.review.application.DecidingCase;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.antifraud.screening.application.RuleBooks;
import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.kernel.job.JobProgress;
import io.laxin.kernel.job.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Use case: look at the stored screenings after the fact and raise cases with evidence — referral rings (rejected at
 * once when {@code auto-reject-rings}: that publishes the risk-decided event), dense clusters under one referrer, and
 * zombie invitees (no host-reported activity before the hold period ended), and — per campaign, under the
 * {@link RuleId#SINGLE_ORDER_INVITEES} rule setting — referrers whose invitees never order twice. Safe on several replicas: each run is
 * a kernel job run ({@value #JOB} on {@value #SUBJECT}) whose lease only one replica holds at a time, with one progress
 * step (the heartbeat) per kind of finding; invitees that already have a case are skipped, so runs never raise the
 * same case twice.
 */
@Service
public class LateAnalysis {

    public static final String JOB = "late-analysis";
    public static final String ACTOR = "late-analysis";
    /** What a run looks at: every recent screening, so one run at a time in the whole service. */
    public static final String SUBJECT = "recent-screenings";

    private static final int STEPS = 4;
    private static final Logger log = LoggerFactory.getLogger(LateAnalysis.class);

    /**
     * What one run did, as the by-hand run answers it: {@code ran}, false when another replica held the lease, and
     * what it found (flat, beside {@code ran}).
     */
    public record Report(boolean ran, @JsonUnwrapped Summary found) {

        static Report skipped() {
            return new Report(false, new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
    }

    /** What a run found and the cases it opened; also its job run's summary. */
    public record Summary(
            int screenings,
            int rings,
            int ringCases,
            int ringRejections,
            int clusters,
            int clusterCases,
            int zombies,
            int zombieCases,
            int singleOrderReferrers,
            int singleOrderCases) {}

    public record Settings(
            Duration lookBack,
            int clusterMinInvitees,
            int clusterDeviceRatio,
            int clusterSubnetMinInvitees,
            boolean autoRejectRings,
            boolean zombiesEnabled,
            Duration holdPeriod) {}

    private final AnalysisInputs inputs;
    private final Jobs jobs;
    private final ReviewCases cases;
    private final DecidingCase deciding;
    private final RuleBooks rules;
    private final Clock clock;
    private final Settings settings;

    public LateAnalysis(
            AnalysisInputs inputs,
            Jobs jobs,
            ReviewCases cases,
            DecidingCase deciding,
            RuleBooks rules,
            Clock clock,
            AntifraudProperties properties) {
        AntifraudProperties.Analysis a = properties.analysis();
        this.settings = new Settings(
                a.lookBack(),
                a.clusterMinInvitees(),
                a.clusterDeviceRatio(),
                a.clusterSubnetMinInvitees(),
                a.autoRejectRings(),
                a.zombies().enabled(),
                a.zombies().holdPeriod());
        this.inputs = inputs;
        this.jobs = jobs;
        this.cases = cases;
        this.deciding = deciding;
        this.rules = rules;
        this.clock = clock;
    }

    public Report runOnce() {
        Instant start = clock.instant();
        Jobs.Claim run = jobs.start(JOB, SUBJECT, ACTOR, STEPS);
        if (!run.started()) {
            return Report.skipped();
        }
        Summary found = jobs.carryOut(run.runId(), progress -> analyse(start, progress), summary -> summary);
        log.info("Late analysis run {}: {}", run.runId(), found);
        return new Report(true, found);
    }

    private Summary analyse(Instant now, JobProgress progress) {
        List<ScreenedReferral> screened = inputs.screenedSince(now.minus(settings.lookBack()));
        ReferralGraph graph = new ReferralGraph(screened);

        int ringCases = 0;
        int ringRejections = 0;
        List<ReferralGraph.Ring> rings = graph.rings();
        for (ReferralGraph.Ring ring : rings) {
            String members = String.join(" → ", ring.members());
            for (ScreenedReferral r : ring.referrals()) {
                Assessment.Finding finding = new Assessment.Finding(
                        "REFERRAL_RING",
                        "Referrers invite each other: " + "ring of "
                                + ring.members().size() + " (" + members + ")",
                        100,
                        Integer.toString(ring.members().size()),
                        ">= 2");
                Long id = raise(r, 100, finding, now);
                if (id != null) {
                    ringCases++;
                    if (settings.autoRejectRings()) {
                        deciding.decide(id, DecidingCase.Decision.REJECT, ACTOR, "Confirmed referral ring: " + members);
                        ringRejections++;
                    }
                }
            }
        }

        progress.report(1, STEPS);

        int clusterCases = 0;
        List<ReferralGraph.Cluster> clusters = graph.clusters(
                settings.clusterMinInvitees(), settings.clusterDeviceRatio(), settings.clusterSubnetMinInvitees());
        for (ReferralGraph.Cluster cluster : clusters) {
            for (ScreenedReferral r : cluster.referrals()) {
                Assessment.Finding finding = new Assessment.Finding(
                        "DENSE_CLUSTER",
                        "Invitees of " + cluster.referrerUserId() + " packed together: " + cluster.why(),
                        60,
                        cluster.referrals().size() + " invitees / " + cluster.distinctDevices() + " devices / "
                                + cluster.distinctSubnets() + " subnets",
                        "devices × " + settings.clusterDeviceRatio() + " ≤ invitees, or one /24 for ≥ "
                                + settings.clusterSubnetMinInvitees());
                if (raise(r, 60, finding, now) != null) {
                    clusterCases++;
                }
            }
        }

        progress.report(2, STEPS);

        int zombies = 0;
        int zombieCases = 0;
        if (settings.zombiesEnabled()) {
            Instant heldUntilBefore = now.minus(settings.holdPeriod());
            List<ScreenedReferral> due = screened.stream()
                    .filter(r -> "PASS".equals(r.verdict())
                            && r.registeredAt() != null
                            && !r.registeredAt().isAfter(heldUntilBefore))
                    .toList();
            Set<String> active = inputs.activeSince(
                    due.stream().map(ScreenedReferral::inviteeUserId).collect(Collectors.toSet()),
                    now.minus(settings.lookBack()).minus(settings.holdPeriod()));
            for (ScreenedReferral r : due) {
                if (active.contains(r.inviteeUserId())) {
                    continue;
                }
                zombies++;
                Assessment.Finding finding = new Assessment.Finding(
                        "ZOMBIE_INVITEE",
                        "No activity reported for " + r.inviteeUserId()
                                + " within the hold period after registering at " + r.registeredAt(),
                        55,
                        "no activity",
                        "hold period " + settings.holdPeriod());
                if (raise(r, 55, finding, now) != null) {
                    zombieCases++;
                }
            }
        }
        progress.report(3, STEPS);
        SingleOrderOutcome singleOrder = singleOrderReferrers(now);
        progress.report(STEPS, STEPS);
        return new Summary(
                screened.size(),
                rings.size(),
                ringCases,
                ringRejections,
                clusters.size(),
                clusterCases,
                zombies,
                zombieCases,
                singleOrder.referrers(),
                singleOrder.cases());
    }

    /**
     * Referrers whose invitees never order twice, in each campaign where the rule is on: the invitees judged are
     * those registered between {@code window + look-back} and {@code window} ago. A case is opened for each of the
     * suspect referrer's invitees with at most one order, with the referrer's counts and a sample as evidence.
     */
    private SingleOrderOutcome singleOrderReferrers(Instant now) {
        RuleBooks.AllBooks books = rules.freshAll();
        boolean everywhere =
                books.global().setting(RuleId.SINGLE_ORDER_INVITEES).enabled();
        Set<Long> campaigns = new TreeSet<>();
        List<Duration> windows = new ArrayList<>();
        books.books().forEach((campaignId, book) -> {
            RuleSetting s = book.setting(RuleId.SINGLE_ORDER_INVITEES);
            if (s.enabled()) {
                windows.add(criteria(s).window());
                if (campaignId != 0) {
                    campaigns.add(campaignId);
                }
            }
        });
        if (windows.isEmpty()) {
            return new SingleOrderOutcome(0, 0);
        }
        Duration shortest = windows.stream().min(Duration::compareTo).orElseThrow();
        Duration longest = windows.stream().max(Duration::compareTo).orElseThrow();
        Map<Long, List<InviteeOrders>> byCampaign = new LinkedHashMap<>();
        for (InviteeOrders i : inputs.inviteesWithOrders(
                now.minus(longest).minus(settings.lookBack()), now.minus(shortest), everywhere ? null : campaigns)) {
            byCampaign.computeIfAbsent(i.campaignId(), k -> new ArrayList<>()).add(i);
        }
        int suspects = 0;
        int opened = 0;
        for (Map.Entry<Long, List<InviteeOrders>> campaign : byCampaign.entrySet()) {
            RuleSetting s = books.of(campaign.getKey()).setting(RuleId.SINGLE_ORDER_INVITEES);
            if (!s.enabled()) {
                continue;
            }
            SingleOrderReferrers.Criteria c = criteria(s);
            Instant judgedFrom = now.minus(c.window()).minus(settings.lookBack());
            List<InviteeOrders> cohort = campaign.getValue().stream()
                    .filter(i -> !i.registeredAt().isBefore(judgedFrom))
                    .toList();
            for (SingleOrderReferrers.Suspect suspect : SingleOrderReferrers.find(cohort, c, now)) {
                suspects++;
                Assessment.Finding finding = new Assessment.Finding(
                        RuleId.SINGLE_ORDER_INVITEES.name(),
                        "Of the " + suspect.judged().size() + " invitees of " + suspect.referrerUserId()
                                + " registered at least " + c.window().toDays() + " days ago, "
                                + suspect.singleOrder().size() + " ordered at most once: " + suspect.sample(),
                        s.weight(),
                        suspect.singleOrder().size() + " of " + suspect.judged().size() + " (" + suspect.sharePercent()
                                + "%)",
                        ">= " + c.sharePercent() + "% of >= " + c.minInvitees() + " invitees");
                for (InviteeOrders i : suspect.singleOrder()) {
                    if (!cases.exists(i.campaignId(), i.inviteeUserId())) {
                        open(
                                i.screeningId(),
                                i.campaignId(),
                                i.referrerUserId(),
                                i.inviteeUserId(),
                                s.weight(),
                                finding,
                                now);
                        opened++;
                    }
                }
            }
        }
        return new SingleOrderOutcome(suspects, opened);
    }

    private record SingleOrderOutcome(int referrers, int cases) {}

    private static SingleOrderReferrers.Criteria criteria(RuleSetting s) {
        RuleSetting defaults = RuleId.SINGLE_ORDER_INVITEES.defaults();
        return new SingleOrderReferrers.Criteria(
                (int) s.param(RuleId.MIN_INVITEES, defaults.param(RuleId.MIN_INVITEES, 5)),
                (int) s.threshold(),
                Duration.ofDays(s.param(RuleId.WINDOW_DAYS, defaults.param(RuleId.WINDOW_DAYS, 30))));
    }

    /**
     * Opens a case unless the registration was already rejected at screening or the invitee already has a case in
     * the campaign; returns the new case's id.
     */
    private Long raise(ScreenedReferral r, int score, Assessment.Finding evidence, Instant now) {
        if ("REJECT".equals(r.verdict()) || cases.exists(r.campaignId(), r.inviteeUserId())) {
            return null;
        }
        return open(r.screeningId(), r.campaignId(), r.referrerUserId(), r.inviteeUserId(), score, evidence, now);
    }

    private long open(
            String screeningId,
            long campaignId,
            String referrerUserId,
            String inviteeUserId,
            int score,
            Assessment.Finding evidence,
            Instant now) {
        return cases.open(new ReviewCases.NewCase(
                screeningId,
                campaignId,
                referrerUserId,
                inviteeUserId,
                ReviewCase.Source.LATE_ANALYSIS,
                score,
                List.of(evidence),
                now));
    }
}
