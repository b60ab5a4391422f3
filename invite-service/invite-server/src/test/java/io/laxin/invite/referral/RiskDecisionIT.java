package io.laxin.invite.referral;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Risk decisions from antifraud-service move referrals on, once per event. */
class RiskDecisionIT extends InviteItSupport {

    @Autowired
    Topics topics;

    @Autowired
    ApplicationContext context;

    @Value("${rocketmq.name-server}")
    String namesrv;

    @AfterEach
    void pass() {
        passAllScreenings();
    }

    private long heldForReview(long campaign, String referrer, String invitee) {
        String code = codeOf(campaign, referrer);
        ANTIFRAUD.on("/internal/screenings", r -> FakeService.Answer.json(
                Map.of("screeningId", "s-" + invitee, "verdict", "REVIEW", "score", 60, "reasons", List.of())));
        var r = register(campaign, invitee, code);
        assertThat(r.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        return r.json().get("referralId").asLong();
    }

    private RiskDecidedEvent decision(long campaign, String invitee, String referrer, Verdict verdict) {
        return new RiskDecidedEvent(UUID.randomUUID().toString(), "antifraud-service", Instant.now(), 1, campaign,
                invitee, referrer, "s-" + invitee, 7L, verdict,
                List.of(new ReasonDTO("DEVICE_REUSE", "seen", 0)), "ops-1");
    }

    private void deliver(RiskDecidedEvent e) {
        RocketMqProbe.send(namesrv, topics.risk(), RiskEventTags.DECIDED, e.eventId(), TestHttp.JSON.writeValueAsString(e));
    }

    private String status(long referralId) {
        return jdbc.queryForObject("SELECT status FROM referral WHERE id = ?", String.class, referralId);
    }

    private long events(long referralId, String tag) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE tag = ? AND payload LIKE ?", Long.class,
                tag, "%\"referralId\":" + referralId + ",%");
    }

    @Test
    void shouldAttributeAHeldReferralOnPassAndPublishItsEventOnce() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-alice", "rd-bob");
        RiskDecidedEvent pass = decision(campaign, "rd-bob", "rd-alice", Verdict.PASS);
        long before = RocketMqProbe.consumed(context, topics.risk());

        deliver(pass);
        deliver(pass);

        await().atMost(Duration.ofSeconds(60)).until(() -> RocketMqProbe.consumed(context, topics.risk()) >= before + 2);
        assertThat(status(referral)).isEqualTo("ATTRIBUTED");
        assertThat(events(referral, "ATTRIBUTED")).isEqualTo(1);
        assertThat(as(Caller.user("rd-alice")).get("/api/v1/campaigns/" + campaign + "/leaderboard").json()
                .get(0).get("invitees").asLong()).isEqualTo(1);
    }

    @Test
    void shouldPublishAHeldReferralUnderThePolicyVersionItWasDecidedUnderAfterThePolicyChanged() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-gina", "rd-hugo");
        var changed = operator().send("PATCH", "/api/v1/admin/campaigns/" + campaign, Map.of("rewardPolicy",
                Map.of("referrerReward", Map.of("kind", "POINTS", "amount", 999),
                        "inviteeReward", Map.of("kind", "CASH", "amount", 300), "holdDays", 7, "budgetFen", 100)));
        assertThat(changed.json().get("policyVersion").asInt()).as(changed.toString()).isEqualTo(2);

        deliver(decision(campaign, "rd-hugo", "rd-gina", Verdict.PASS));

        await().atMost(Duration.ofSeconds(60)).until(() -> "ATTRIBUTED".equals(status(referral)));
        var event = TestHttp.JSON.readTree(jdbc.queryForObject("SELECT payload FROM outbox_event WHERE tag = "
                + "'ATTRIBUTED' AND payload LIKE ?", String.class, "%\"referralId\":" + referral + ",%"));
        assertThat(event.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(event.get("rewardPolicy").get("referrerReward").get("amount").asLong()).isEqualTo(500);
        assertThat(event.get("rewardPolicy").get("budgetFen").isNull()).isTrue();
    }

    @Test
    void shouldRejectAHeldReferralOnReject() {
        long campaign = createCampaign();
        long referral = heldForReview(campaign, "rd-carol", "rd-dave");

        deliver(decision(campaign, "rd-dave", "rd-carol", Verdict.REJECT));

        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(status(referral)));
        assertThat(events(referral, "REJECTED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reasons FROM referral WHERE id = ?", String.class, referral))
                .contains("DEVICE_REUSE").contains("rejected by ops-1");
    }

    @Test
    void shouldRejectAnAttributedReferralOnALateReject() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "rd-erin");
        long referral = register(campaign, "rd-frank", code).json().get("referralId").asLong();
        assertThat(status(referral)).isEqualTo("ATTRIBUTED");

        deliver(decision(campaign, "rd-frank", "rd-erin", Verdict.REJECT));

        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(status(referral)));
    }
}
