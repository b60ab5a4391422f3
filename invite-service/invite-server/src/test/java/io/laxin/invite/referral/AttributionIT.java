package io.laxin.invite.referral;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.laxin.invite.InviteItSupport;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.messaging.OutboxProperties;
import io.laxin.kernel.messaging.OutboxRelay;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

class AttributionIT extends InviteItSupport {

    @Autowired
    Topics topics;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    @Value("${rocketmq.name-server}")
    String namesrv;

    @AfterEach
    void restoreScreening() {
        passAllScreenings();
        jdbc.execute("DROP TRIGGER IF EXISTS fail_outbox");
    }

    /** A relay of a freshly started process: its own producer, nothing in memory from before; it drains the outbox. */
    private int relayAsANewProcess() {
        DefaultMQProducer producer = new DefaultMQProducer("invite-restarted-" + UUID.randomUUID());
        producer.setNamesrvAddr(namesrv);
        try {
            producer.start();
            OutboxRelay relay = new OutboxRelay(
                    jdbc,
                    tx,
                    producer,
                    Clock.systemUTC(),
                    new OutboxProperties(
                            true, Duration.ofMillis(100), 100, Duration.ofSeconds(3), "FOR UPDATE SKIP LOCKED", 5));
            int sent = 0;
            for (int batch = relay.relayOnce(); batch > 0; batch = relay.relayOnce()) {
                sent += batch;
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            producer.shutdown();
        }
    }

    private String unsentEventOf(long referralId) {
        List<String> ids = jdbc.queryForList(
                "SELECT event_id FROM outbox_event WHERE sent_at IS NULL " + "AND payload LIKE ?",
                String.class,
                "%\"referralId\":" + referralId + ",%");
        assertThat(ids).as("unsent events of referral %s", referralId).hasSize(1);
        return ids.get(0);
    }

    @Test
    void shouldDeliverTheEventOfACommittedBindingEvenIfTheProcessDiedBeforePublishing() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "alice");

        var r = register(campaign, "bob", code);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
        long referralId = r.json().get("referralId").asLong();
        // committed, but no relay ran: this is the state a crash right after the commit leaves behind
        String eventId = unsentEventOf(referralId);

        try (var capture = new RocketMqProbe.Capture(namesrv, topics.referral())) {
            assertThat(relayAsANewProcess()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !capture.withKey(eventId).isEmpty());
            MessageExt delivered = capture.withKey(eventId).get(0);
            assertThat(delivered.getTags()).isEqualTo(ReferralEventTags.ATTRIBUTED);
            var event = TestHttp.JSON.readTree(new String(delivered.getBody(), StandardCharsets.UTF_8));
            assertThat(event.get("referralId").asLong()).isEqualTo(referralId);
            assertThat(event.get("referrerUserId").asString()).isEqualTo("alice");
            assertThat(event.get("inviteeUserId").asString()).isEqualTo("bob");
            assertThat(event.get("policyVersion").asInt()).isEqualTo(1);
            assertThat(event.has("rewardPolicy"))
                    .as("facts, not amounts (ADR 0006)")
                    .isFalse();
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(2);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_id = ? AND sent_at IS NOT NULL",
                        Long.class,
                        eventId))
                .isEqualTo(1);
    }

    @Test
    void shouldNeverPublishABindingWhoseTransactionRolledBack() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "carol");
        long referralsBefore = count("referral");
        long outboxBefore = count("outbox_event");
        // the database refuses the event row: the binding written just before it in the same transaction must go too
        jdbc.execute("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox_event FOR EACH ROW "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'");

        var r = register(campaign, "dave", code);

        assertThat(r.status()).isEqualTo(500);
        assertThat(count("referral")).isEqualTo(referralsBefore);
        assertThat(count("outbox_event")).isEqualTo(outboxBefore);
        jdbc.execute("DROP TRIGGER fail_outbox");
        // a retry after the failure is a first report again
        var retry = register(campaign, "dave", code);
        assertThat(retry.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
        assertThat(retry.json().get("firstReport").asBoolean()).isTrue();
    }

    /**
     * A registration with an Idempotency-Key while antifraud-service is slow: the screening call is made with no
     * transaction open, so the request holds no connection (the pool is seen with none active) and no lock while it waits (a second request with the
     * key is not blocked behind it); the key is recorded with the referral, and a retry answers the same.
     */
    @Test
    void shouldHoldNoConnectionOrLockWhileScreeningIsSlow() throws Exception {
        long campaign = createCampaign();
        String code = codeOf(campaign, "sloane");
        String key = "slow-" + UUID.randomUUID();
        CountDownLatch screening = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        ANTIFRAUD.on("/internal/screenings", r -> {
            screening.countDown();
            try {
                answer.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeService.Answer.json(
                    Map.of("screeningId", "s-slow", "verdict", "PASS", "score", 0, "reasons", List.of()));
        });
        Map<String, Object> body = Map.of("campaignId", campaign, "inviteeUserId", "tobias", "inviteCode", code);
        var registering = CompletableFuture.supplyAsync(
                () -> host().header("Idempotency-Key", key).post("/api/v1/host/registrations", body));
        try {
            assertThat(screening.await(10, TimeUnit.SECONDS))
                    .as("antifraud-service was asked")
                    .isTrue();
            // while antifraud-service thinks: the request holds no connection (the app's pool is seen idle; its
            // schedulers borrow one for milliseconds at a time)...
            HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            await().atMost(Duration.ofSeconds(4))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> pool.getActiveConnections() == 0);
            // ...and nothing of it is locked (NOWAIT fails on a held row)
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (var ps = c.prepareStatement("SELECT idem_key FROM idempotency_record WHERE scope LIKE "
                        + "'registration%' AND idem_key = ? FOR UPDATE NOWAIT")) {
                    ps.setString(1, key);
                    try (var rs = ps.executeQuery()) {
                        assertThat(rs.next())
                                .as("the key is not written before the screening answers")
                                .isFalse();
                    }
                }
                c.rollback();
            }
        } finally {
            answer.countDown();
        }
        var first = registering.get(10, TimeUnit.SECONDS);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        var retry = host().header("Idempotency-Key", key).post("/api/v1/host/registrations", body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("referralId").asLong())
                .isEqualTo(first.json().get("referralId").asLong());
        assertThat(retry.json().get("firstReport").asBoolean())
                .as("the recorded answer, word for word")
                .isTrue();
        assertProblem(
                host().header("Idempotency-Key", key)
                        .post(
                                "/api/v1/host/registrations",
                                Map.of("campaignId", campaign, "inviteeUserId", "ursula", "inviteCode", code)),
                422,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE invitee_user_id = 'ursula'", Long.class))
                .isZero();
    }

    @Test
    void shouldBindOnceWhenTheSameRegistrationIsReportedTwice() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "erin");

        var first = register(campaign, "frank", code);
        var second = register(campaign, "frank", code);

        assertThat(second.json().get("referralId").asLong())
                .isEqualTo(first.json().get("referralId").asLong());
        assertThat(first.json().get("firstReport").asBoolean()).isTrue();
        assertThat(second.json().get("firstReport").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?",
                        Long.class,
                        "%\"referralId\":" + first.json().get("referralId").asLong() + ",%"))
                .isEqualTo(1);
    }

    @Test
    void shouldBindOnceUnderFiftyConcurrentReportsOfOneRegistration() throws Exception {
        long campaign = createCampaign();
        String code = codeOf(campaign, "grace");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<TestHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> register(campaign, "heidi", code));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<TestHttp.Response> f : pool.invokeAll(calls)) {
                TestHttp.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                ids.add(r.json().get("referralId").asLong());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM referral WHERE campaign_id = ? AND invitee_user_id = ?",
                            Long.class,
                            campaign,
                            "heidi"))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?",
                            Long.class,
                            "%\"referralId\":" + ids.get(0) + ",%"))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRejectSelfReferralWithoutAskingForScreening() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "ivan");
        ANTIFRAUD.clear();

        var r = register(campaign, "ivan", code);

        assertThat(r.json().get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(r.json().get("reasons").get(0).asString()).startsWith("SELF_REFERRAL");
        assertThat(ANTIFRAUD.received()).isEmpty();
        String eventId = jdbc.queryForObject(
                "SELECT event_id FROM outbox_event WHERE tag = 'REJECTED' AND payload LIKE ?",
                String.class,
                "%\"referralId\":" + r.json().get("referralId").asLong() + ",%");
        assertThat(eventId).isNotBlank();
    }

    @Test
    void shouldHoldForReviewWhenScreeningIsDown() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "judy");
        ANTIFRAUD.on("/internal/screenings", r -> new FakeService.Answer(503, "text/plain", "overloaded"));

        var r = register(campaign, "ken", code);

        assertThat(r.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(r.json().get("reasons").get(0).asString()).startsWith("SCREENING_UNAVAILABLE");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE tag = 'ATTRIBUTED' AND payload LIKE ?",
                        Long.class,
                        "%\"inviteeUserId\":\"ken\"%"))
                .isZero();
    }

    @Test
    void shouldPassWhatItKnowsOfBothSidesToScreeningSignedAsInviteService() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "leo");
        host().post(
                        "/api/v1/host/identities",
                        Map.of(
                                "userId",
                                "leo",
                                "registeredAt",
                                "2025-01-01T00:00:00Z",
                                "deviceId",
                                "dev-leo",
                                "openid",
                                "o-leo"));
        ANTIFRAUD.clear();

        host().post(
                        "/api/v1/host/registrations",
                        Map.of(
                                "campaignId",
                                campaign,
                                "inviteeUserId",
                                "mia",
                                "inviteCode",
                                code,
                                "deviceId",
                                "dev-77",
                                "ip",
                                "198.51.100.4",
                                "phone",
                                "17012345678",
                                "openid",
                                "o-mia",
                                "unionid",
                                "u-mia",
                                "client",
                                Map.of("emulator", true, "rooted", false)));
        host().post(
                        "/api/v1/host/registrations",
                        Map.of("campaignId", campaign, "inviteeUserId", "mia-2", "inviteCode", code));

        FakeService.Received call = ANTIFRAUD.received().get(0);
        assertThat(call.header("X-Laxin-Caller")).isEqualTo("SERVICE:invite-service");
        var sent = TestHttp.JSON.readTree(call.body());
        assertThat(sent.get("referrerUserId").asString()).isEqualTo("leo");
        assertThat(sent.get("inviteeUserId").asString()).isEqualTo("mia");
        assertThat(sent.get("inviteeDeviceId").asString()).isEqualTo("dev-77");
        assertThat(sent.get("referrerDeviceId").asString()).isEqualTo("dev-leo");
        assertThat(sent.get("referrerOpenid").asString()).isEqualTo("o-leo");
        assertThat(sent.get("inviteeOpenid").asString()).isEqualTo("o-mia");
        assertThat(sent.get("inviteeUnionid").asString()).isEqualTo("u-mia");
        assertThat(sent.get("inviteePhonePrefix").asString()).isEqualTo("170");
        assertThat(sent.get("inviteePhoneHash").asString()).hasSize(64);
        assertThat(sent.get("ip").asString()).isEqualTo("198.51.100.4");
        assertThat(call.body()).doesNotContain("17012345678");
        assertThat(sent.get("emulator").asBoolean()).isTrue();
        assertThat(sent.get("rooted").isBoolean()).isTrue();
        assertThat(sent.get("rooted").asBoolean()).isFalse();
        var unflagged = TestHttp.JSON.readTree(ANTIFRAUD.received().get(1).body());
        assertThat(unflagged.get("inviteeUserId").asString()).isEqualTo("mia-2");
        assertThat(unflagged.path("emulator").isNull()
                        || unflagged.path("emulator").isMissingNode())
                .isTrue();
        assertThat(unflagged.path("rooted").isNull() || unflagged.path("rooted").isMissingNode())
                .isTrue();
    }

    @Test
    void shouldRefuseBadRegistrationsWithProblemsAndWriteNothing() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "nina");
        long referrals = count("referral");
        long outbox = count("outbox_event");

        assertProblem(
                host().post("/api/v1/host/registrations", Map.of("campaignId", campaign, "inviteCode", code)),
                400,
                "VALIDATION_FAILED");
        assertProblem(register(999_999, "oscar", code), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(register(campaign, "oscar", "0O1IL!"), 400, "INVITE_CODE_MALFORMED");
        assertProblem(register(campaign, "oscar", "ZZZZZZZZ"), 404, "INVITE_CODE_NOT_FOUND");
        assertProblem(host().post("/api/v1/host/registrations", "{not json"), 400, "MALFORMED_REQUEST");
        // an IP that is not an address (a name, a script, an out-of-range octet) is refused, never stored
        for (String ip : java.util.List.of(
                "localhost", "<script>", "999.1.1.1", "1.2.3", "fe80::1%eth0", "203.0.113.7; DROP TABLE referral")) {
            var refused = host().post(
                            "/api/v1/host/registrations",
                            Map.of("campaignId", campaign, "inviteeUserId", "oscar", "inviteCode", code, "ip", ip));
            assertProblem(refused, 400, "VALIDATION_FAILED");
            assertThat(refused.json().get("detail").asString()).as(ip).contains("ip must be an IPv4 or IPv6 address");
        }
        assertProblem(
                as(Caller.user("oscar"))
                        .post(
                                "/api/v1/host/registrations",
                                Map.of("campaignId", campaign, "inviteeUserId", "oscar", "inviteCode", code)),
                403,
                "FORBIDDEN");

        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }
}
