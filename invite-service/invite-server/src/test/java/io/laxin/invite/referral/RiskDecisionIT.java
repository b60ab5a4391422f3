package io.laxin.invite.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.InviteItSupport;
import io.laxin.invite.leaderboard.domain.Leaderboard;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * Risk decisions from antifraud-service move referrals on, once per event, and only as antifraud-service confirms them
 * (ADR 0006): a RISK_DECIDED message anyone else published moves nothing.
 */
class RiskDecisionIT extends InviteItSupport {

    private static final AtomicLong CASES = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @Autowired
    Topics topics;

    @Autowired
    ApplicationContext context;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    Referrals referrals;

    @Value("${rocketmq.name-server}")
    String namesrv;

    @AfterEach
    void pass() {
        passAllScreenings();
    }

    private long heldForReview(long campaign, String referrer, String invitee) {
        String code = codeOf(campaign, referrer);
        ANTIFRAUD.on(
                "/internal/screenings",
                r -> FakeService.Answer.json(
                        Map.of("screeningId", "s-" + invitee, "verdict", "REVIEW", "score", 60, "reasons", List.of())));
        var r = register(campaign, invitee, code);
        assertThat(r.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        return r.json().get("referralId").asLong();
    }

    /** A genuine decision: antifraud-service (the stand-in) decided its case so, and confirms it when asked. */
    private RiskDecidedEvent decision(long campaign, String invitee, String referrer, Verdict verdict) {
        return decision(campaign, invitee, referrer, verdict, Instant.now());
    }

    private RiskDecidedEvent decision(
            long campaign, String invitee, String referrer, Verdict verdict, Instant decidedAt) {
        RiskDecidedEvent e = message(campaign, invitee, referrer, CASES.incrementAndGet(), verdict, decidedAt);
        antifraudDecided(e.caseId(), campaign, invitee, referrer, verdict, decidedAt);
        return e;
    }

    /** A RISK_DECIDED message as anyone could publish it: antifraud-service is not told of it. */
    private static RiskDecidedEvent message(
            long campaign, String invitee, String referrer, long caseId, Verdict verdict, Instant decidedAt) {
        return new RiskDecidedEvent(
                UUID.randomUUID().toString(),
                "antifraud-service",
                decidedAt,
                1,
                campaign,
                invitee,
                referrer,
                "s-" + invitee,
                caseId,
                verdict,
                List.of(new ReasonDTO("DEVICE_REUSE", "seen", 0)),
                "ops-1");
    }

    private static String decisionPath(long caseId) {
        return "/internal/risk-decisions/" + caseId;
    }

    private static void antifraudDecided(
            long caseId, long campaign, String invitee, String referrer, Verdict verdict, Instant decidedAt) {
        RiskDecisionDTO decided = new RiskDecisionDTO(
                caseId,
                campaign,
                invitee,
                referrer,
                "s-" + invitee,
                verdict,
                List.of(new ReasonDTO("DEVICE_REUSE", "seen", 0)),
                "ops-1",
                decidedAt);
        ANTIFRAUD.on(decisionPath(caseId), r -> FakeService.Answer.json(decided));
    }

    private static void antifraudAnswers(long caseId, int status, String code) {
        ANTIFRAUD.on(
                decisionPath(caseId),
                r -> new FakeService.Answer(
                        status, "application/problem+json", "{\"status\":" + status + ",\"code\":\"" + code + "\"}"));
    }

    private void deliverAndWait(RiskDecidedEvent e) {
        long before = RocketMqProbe.consumed(context, topics.risk());
        deliver(e);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RocketMqProbe.consumed(context, topics.risk()) >= before + 1);
    }

    private void deliver(RiskDecidedEvent e) {
        RocketMqProbe.send(
                namesrv, topics.risk(), RiskEventTags.DECIDED, e.eventId(), TestHttp.JSON.writeValueAsString(e));
    }

    /** The same event delivered twice (a redelivery); returns once both deliveries were consumed. */
    private void deliverTwiceAndWait(RiskDecidedEvent e) {
        long before = RocketMqProbe.consumed(context, topics.risk());
        deliver(e);
        deliver(e);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RocketMqProbe.consumed(context, topics.risk()) >= before + 2);
    }

    private String status(long referralId) {
        return jdbc.queryForObject("SELECT status FROM referral WHERE id = ?", String.class, referralId);
    }

    private long events(long referralId, String tag) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE tag = ? AND payload LIKE ?",
                Long.class,
                tag,
                "%\"referralId\":" + referralId + ",%");
    }

    @Test
    void shouldAttributeAHeldReferralOnPassAndPublishItsEventOnce() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-alice", "rd-bob");

        deliverTwiceAndWait(decision(campaign, "rd-bob", "rd-alice", Verdict.PASS));

        assertThat(status(referral)).isEqualTo("ATTRIBUTED");
        assertThat(events(referral, "ATTRIBUTED")).isEqualTo(1);
        assertThat(as(Caller.user("rd-alice"))
                        .get("/api/v1/campaigns/" + campaign + "/leaderboard")
                        .json()
                        .get(0)
                        .get("invitees")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldPublishAHeldReferralUnderThePolicyVersionItWasDecidedUnderAfterThePolicyChanged() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-gina", "rd-hugo");
        var changed = operator()
                .send(
                        "PATCH",
                        "/api/v1/admin/campaigns/" + campaign,
                        Map.of(
                                "rewardPolicy",
                                Map.of(
                                        "referrerReward",
                                        Map.of("kind", "POINTS", "amount", 999),
                                        "inviteeReward",
                                        Map.of("kind", "CASH", "amount", 300),
                                        "holdDays",
                                        7,
                                        "budgetFen",
                                        100)));
        assertThat(changed.json().get("policyVersion").asInt())
                .as(changed.toString())
                .isEqualTo(2);

        deliver(decision(campaign, "rd-hugo", "rd-gina", Verdict.PASS));

        await().atMost(Duration.ofSeconds(60)).until(() -> "ATTRIBUTED".equals(status(referral)));
        var event = TestHttp.JSON.readTree(jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE tag = " + "'ATTRIBUTED' AND payload LIKE ?",
                String.class,
                "%\"referralId\":" + referral + ",%"));
        assertThat(event.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(event.has("rewardPolicy")).isFalse();
        var policy = as(Caller.service("reward-service"))
                .get("/internal/campaigns/" + campaign + "/policies/1")
                .json()
                .get("policy");
        assertThat(policy.get("referrerReward").get("amount").asLong()).isEqualTo(500);
        assertThat(policy.get("budgetFen").isNull()).isTrue();
    }

    @Test
    void shouldAttributeAnApprovedReferralAtTheDecisionsTimeNotWhenTheMessageArrived() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-gina", "rd-hal");
        // the reviewer approves a minute after the registration; the broker hands the message over ten minutes later
        // (found by the fault suite: orders paid between the approval and the message earned no cashback)
        Instant approved = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
        CLOCK.advance(Duration.ofMinutes(11));

        deliver(decision(campaign, "rd-hal", "rd-gina", Verdict.PASS, approved));

        await().atMost(Duration.ofSeconds(60)).until(() -> "ATTRIBUTED".equals(status(referral)));
        assertThat(jdbc.queryForObject(
                        "SELECT decided_at FROM referral WHERE id = ?", java.time.LocalDateTime.class, referral))
                .isEqualTo(java.time.LocalDateTime.ofInstant(approved, java.time.ZoneOffset.UTC));
        String event = jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE tag = 'ATTRIBUTED' AND payload LIKE ?",
                String.class,
                "%\"referralId\":" + referral + ",%");
        assertThat(Instant.parse(
                        TestHttp.JSON.readTree(event).get("attributedAt").asString()))
                .isEqualTo(approved);
    }

    @Test
    void shouldRejectAHeldReferralOnReject() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-carol", "rd-dave");

        deliver(decision(campaign, "rd-dave", "rd-carol", Verdict.REJECT));

        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(status(referral)));
        assertThat(events(referral, "REJECTED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reasons FROM referral WHERE id = ?", String.class, referral))
                .contains("DEVICE_REUSE")
                .contains("rejected by ops-1");
    }

    @Test
    void shouldRejectAnAttributedReferralOnALateRejectAndTakeItOffTheLeaderboardOnce() {
        long campaign = createCampaign();
        String erin = codeOf(campaign, "rd-erin");
        String ivy = codeOf(campaign, "rd-ivy");
        register(campaign, "rd-frank", erin);
        register(campaign, "rd-fay", erin);
        Instant erinReachedTwo = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(5));
        register(campaign, "rd-iris", ivy);
        register(campaign, "rd-igor", ivy);
        CLOCK.advance(Duration.ofMinutes(5));
        long farmed =
                register(campaign, "rd-fox", erin).json().get("referralId").asLong();
        assertThat(status(farmed)).isEqualTo("ATTRIBUTED");
        assertThat(ranking(campaign)).containsExactly("1:rd-erin:3", "2:rd-ivy:2");

        deliverTwiceAndWait(decision(campaign, "rd-fox", "rd-erin", Verdict.REJECT));

        assertThat(status(farmed)).isEqualTo("REJECTED");
        // erin is back to two, reached before ivy did (her rejected third was her latest): she still ranks first
        List<String> afterReject = List.of("1:rd-erin:2", "2:rd-ivy:2");
        assertThat(ranking(campaign)).isEqualTo(afterReject);

        // a referral never attributed (held, then rejected) was never counted: the board does not move
        long held = heldForReview(campaign, "rd-erin", "rd-finn");
        deliver(decision(campaign, "rd-finn", "rd-erin", Verdict.REJECT));
        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(status(held)));
        assertThat(ranking(campaign)).isEqualTo(afterReject);

        // once rejected it never counts again: not by a late count of its attribution, nor by a rebuild that read it
        // before its rejection committed, nor by the carry-over of a rebuild within the minute after it
        Leaderboard.Counted stale = new Leaderboard.Counted(farmed, "rd-erin", CLOCK.instant());
        leaderboard.attributed(campaign, stale);
        assertThat(ranking(campaign)).isEqualTo(afterReject);
        List<Leaderboard.Counted> readBeforeTheRejection =
                new java.util.ArrayList<>(referrals.attributed(campaign).stream()
                        .map(r -> new Leaderboard.Counted(r.referralId(), r.referrerUserId(), r.decidedAt()))
                        .toList());
        readBeforeTheRejection.add(stale);
        leaderboard.replace(campaign, readBeforeTheRejection, erinReachedTwo);
        assertThat(ranking(campaign)).containsExactly("1:rd-erin:2", "2:rd-ivy:2");
        var rebuilt = operator().post("/api/v1/admin/campaigns/" + campaign + "/leaderboard/rebuild", Map.of());
        assertThat(rebuilt.json().get("attributed").asLong())
                .as(rebuilt.toString())
                .isEqualTo(4);
        assertThat(ranking(campaign)).isEqualTo(afterReject);
    }

    @Test
    void shouldLeaveAHeldReferralHeldOnAForgedPass() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rdf-alice", "rdf-bob");
        long unknown = CASES.incrementAndGet();
        antifraudAnswers(unknown, 404, "DECISION_NOT_FOUND");
        long rejected = CASES.incrementAndGet();
        antifraudDecided(rejected, campaign, "rdf-bob", "rdf-alice", Verdict.REJECT, Instant.now());
        long someoneElses = CASES.incrementAndGet();
        antifraudDecided(someoneElses, campaign, "rdf-carl", "rdf-alice", Verdict.PASS, Instant.now());

        deliverAndWait(message(campaign, "rdf-bob", "rdf-alice", unknown, Verdict.PASS, Instant.now()));
        deliverAndWait(message(campaign, "rdf-bob", "rdf-alice", rejected, Verdict.PASS, Instant.now()));
        deliverAndWait(message(campaign, "rdf-bob", "rdf-alice", someoneElses, Verdict.PASS, Instant.now()));

        assertThat(status(referral)).isEqualTo("PENDING_REVIEW");
        assertThat(events(referral, "ATTRIBUTED")).isZero();
        assertThat(ranking(campaign)).isEmpty();
        for (long caseId : List.of(unknown, rejected, someoneElses)) {
            var asked = ANTIFRAUD.received().stream()
                    .filter(r -> r.path().equals(decisionPath(caseId)))
                    .toList();
            assertThat(asked).as("case " + caseId + " asked once, signed").hasSize(1);
            assertThat(asked.get(0).header(IdentityHeaders.CALLER)).contains("invite-service");
        }
    }

    @Test
    void shouldKeepAnAttributedReferralOnAForgedReject() {
        long campaign = createCampaign();
        long referral = register(campaign, "rdk-bob", codeOf(campaign, "rdk-alice"))
                .json()
                .get("referralId")
                .asLong();
        assertThat(status(referral)).isEqualTo("ATTRIBUTED");
        long passed = CASES.incrementAndGet();
        antifraudDecided(passed, campaign, "rdk-bob", "rdk-alice", Verdict.PASS, Instant.now());

        deliverAndWait(message(campaign, "rdk-bob", "rdk-alice", passed, Verdict.REJECT, Instant.now()));

        assertThat(status(referral)).isEqualTo("ATTRIBUTED");
        assertThat(events(referral, "REJECTED")).isZero();
        assertThat(ranking(campaign)).containsExactly("1:rdk-alice:1");
    }

    @Test
    void shouldWaitForAntifraudWhileItFailsAndAttributeOnceItConfirms() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rdw-alice", "rdw-bob");
        RiskDecidedEvent pass =
                message(campaign, "rdw-bob", "rdw-alice", CASES.incrementAndGet(), Verdict.PASS, Instant.now());
        antifraudAnswers(pass.caseId(), 503, "SERVICE_UNAVAILABLE");

        deliver(pass);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        ANTIFRAUD.received().stream().anyMatch(r -> r.path().equals(decisionPath(pass.caseId()))));
        assertThat(status(referral)).isEqualTo("PENDING_REVIEW");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class, pass.eventId()))
                .isZero();

        // antifraud-service answers again: the broker's redelivery is confirmed and applied, once
        antifraudDecided(pass.caseId(), campaign, "rdw-bob", "rdw-alice", Verdict.PASS, Instant.now());
        await().atMost(Duration.ofSeconds(90)).until(() -> "ATTRIBUTED".equals(status(referral)));
        assertThat(events(referral, "ATTRIBUTED")).isEqualTo(1);
    }
}
