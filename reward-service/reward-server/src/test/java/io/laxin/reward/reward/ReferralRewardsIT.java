package io.laxin.reward.reward;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.InvitePolicies;
import io.laxin.reward.RewardItSupport;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralRewardsIT extends RewardItSupport {

    private ReferralAttributedEvent attributed(long referralId, String referrer, String invitee) {
        return attributed(
                9L,
                referralId,
                referrer,
                invitee,
                new RewardPolicyDTO(
                        new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 500),
                        new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 300),
                        7),
                Instant.parse("2026-11-20T08:00:00Z"));
    }

    private long rewardsOfReferral(long referralId) {
        return count("SELECT COUNT(*) FROM reward WHERE referral_id = ?", referralId);
    }

    private void awaitConsumed(long total) {
        awaitConsumed(topics.referral(), total);
    }

    @Test
    void shouldIssueBothRewardsPendingUntilTheHoldPeriodEnds() {
        long referral = nextId();
        deliver(attributed(referral, "alice", "bob"));

        await().atMost(Duration.ofSeconds(60)).until(() -> rewardsOfReferral(referral) == 2);
        var referrer = jdbc.queryForMap(
                "SELECT kind, amount, status, release_at FROM reward "
                        + "WHERE referral_id = ? AND beneficiary = 'REFERRER'",
                referral);
        assertThat(referrer.get("kind")).isEqualTo("POINTS");
        assertThat(((Number) referrer.get("amount")).longValue()).isEqualTo(500);
        assertThat(referrer.get("status")).isEqualTo("PENDING");
        assertThat(referrer.get("release_at")).isEqualTo(java.time.LocalDateTime.parse("2026-11-27T08:00:00"));
        var invitee = jdbc.queryForMap(
                "SELECT user_id, kind, amount FROM reward " + "WHERE referral_id = ? AND beneficiary = 'INVITEE'",
                referral);
        assertThat(invitee.get("user_id")).isEqualTo("bob");
        assertThat(invitee.get("kind")).isEqualTo("CASH");
        assertThat(((Number) invitee.get("amount")).longValue()).isEqualTo(300);
    }

    @Test
    void shouldIssueOnceWhenTheSameEventIsDeliveredTwice() {
        long referral = nextId();
        ReferralAttributedEvent event = attributed(referral, "carol", "dave");
        long before = RocketMqProbe.consumed(context, topics.referral());

        deliver(event);
        deliver(event);

        awaitConsumed(before + 2);
        assertThat(rewardsOfReferral(referral)).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class, event.eventId()))
                .isEqualTo(1);
    }

    @Test
    void shouldNotIssueTwiceForOneReferralEvenUnderAnotherEventId() {
        long referral = nextId();
        long before = RocketMqProbe.consumed(context, topics.referral());

        deliver(attributed(referral, "erin", "frank"));
        deliver(attributed(referral, "erin", "frank"));

        awaitConsumed(before + 2);
        assertThat(rewardsOfReferral(referral)).isEqualTo(2);
    }

    @Test
    void shouldShowUsersTheirOwnRewardsOnly() {
        long referral = nextId();
        deliver(attributed(referral, "gina", "hugo"));
        await().atMost(Duration.ofSeconds(60)).until(() -> rewardsOfReferral(referral) == 2);
        TestHttp http = http();

        var mine = http.as(Caller.user("hugo")).get("/api/v1/rewards/mine");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).get("role").asString()).isEqualTo("INVITEE");
        assertThat(mine.json().get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(mine.json().get(0).get("releaseAt").asString()).isEqualTo("2026-11-27T08:00:00Z");
        assertProblem(http.as(Caller.staff("op", Role.OPS)).get("/api/v1/rewards/mine"), 403, "FORBIDDEN");
        assertProblem(http.get("/api/v1/rewards/mine"), 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldSummariseACampaignForSiblingServicesAndStaff() {
        long referral = nextId();
        deliver(attributed(referral, "ivy", "jack"));
        await().atMost(Duration.ofSeconds(60)).until(() -> rewardsOfReferral(referral) == 2);
        TestHttp http = http();
        long expected = jdbc.queryForObject("SELECT COUNT(*) FROM reward WHERE campaign_id = 9", Long.class);

        var summary = http.as(Caller.service("invite-service")).get("/internal/rewards/campaigns/9/summary");

        assertThat(summary.json().get("rewardsIssued").asLong()).isEqualTo(expected);
        assertThat(summary.json().get("referrerRewards").asLong()).isEqualTo(expected / 2);
        assertThat(http.as(Caller.staff("fin", Role.FINANCE))
                        .get("/api/v1/admin/rewards/campaigns/9/summary")
                        .status())
                .isEqualTo(200);
        assertProblem(http.as(Caller.user("jack")).get("/internal/rewards/campaigns/9/summary"), 403, "FORBIDDEN");
    }

    @Test
    void shouldPayOnceWhenTheConsumerDiesAfterItsCommitAndTheBrokerRedelivers() {
        long referral = nextId();
        ReferralAttributedEvent event = attributed(referral, "kate", "liam");
        CRASH_AFTER_COMMIT.add(event.eventId());

        deliver(event);

        // the first delivery commits, then fails before the ack; the broker hands the message over again
        await().atMost(Duration.ofSeconds(60)).until(() -> HANDLED.getOrDefault(event.eventId(), 0) >= 2);
        assertThat(rewardsOfReferral(referral)).isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM ledger_entry e JOIN reward r ON r.id = e.reward_id "
                                + "WHERE r.referral_id = ? AND e.posting_type = 'ISSUE'",
                        referral))
                .isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", event.eventId()))
                .isEqualTo(1);
    }

    /** An ATTRIBUTED payload as a producer may write it, field by field. */
    private static Map<String, Object> payload(
            int schemaVersion, long referralId, long campaignId, int policyVersion, String referrer, String invitee) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eventId", UUID.randomUUID().toString());
        p.put("producer", "invite-service");
        p.put("occurredAt", "2026-11-20T08:00:00Z");
        p.put("schemaVersion", schemaVersion);
        p.put("referralId", referralId);
        p.put("campaignId", campaignId);
        p.put("policyVersion", policyVersion);
        p.put("referrerUserId", referrer);
        p.put("inviteeUserId", invitee);
        p.put("attributedAt", "2026-11-20T08:00:00Z");
        return p;
    }

    private static Map<String, Object> claiming(long amount) {
        return Map.of(
                "referrerReward",
                Map.of("kind", "CASH", "amount", amount),
                "inviteeReward",
                Map.of("kind", "CASH", "amount", amount),
                "holdDays",
                0);
    }

    private void deliverRaw(Map<String, Object> payload) {
        RocketMqProbe.send(
                namesrv,
                topics.referral(),
                ReferralEventTags.ATTRIBUTED,
                (String) payload.get("eventId"),
                TestHttp.JSON.writeValueAsString(payload));
    }

    private long amountOf(long referralId, String beneficiary) {
        return count("SELECT amount FROM reward WHERE referral_id = ? AND beneficiary = ?", referralId, beneficiary);
    }

    @Test
    void shouldPayThePolicyInviteServiceHoldsWhateverAmountsThePayloadClaims() {
        long campaign = nextId();
        int version = InvitePolicies.serve(
                campaign,
                new RewardPolicyDTO(
                        new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 500),
                        new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 300),
                        7));
        long forged = nextId();
        Map<String, Object> v1 = payload(1, forged, campaign, version, "mallory", "mallory-2");
        v1.put("rewardPolicy", claiming(10_000_000));
        long smuggled = nextId();
        Map<String, Object> v2 = payload(2, smuggled, campaign, version, "mallory", "mallory-3");
        v2.put("rewardPolicy", claiming(10_000_000));

        deliverRaw(v1);
        await().atMost(Duration.ofSeconds(60)).until(() -> rewardsOfReferral(forged) == 2);
        deliverRaw(v2);
        await().atMost(Duration.ofSeconds(60)).until(() -> rewardsOfReferral(smuggled) == 2);

        for (long referral : new long[] {forged, smuggled}) {
            assertThat(amountOf(referral, "REFERRER")).isEqualTo(500);
            assertThat(amountOf(referral, "INVITEE")).isEqualTo(300);
        }
        assertThat(count("SELECT COALESCE(MAX(amount), 0) FROM reward WHERE campaign_id = ?", campaign))
                .isEqualTo(500);
        // the version was asked for once, by a signed reward-service call, and kept
        var asked = InvitePolicies.requestsFor(campaign, version);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).header(IdentityHeaders.CALLER)).contains("reward-service");
        assertThat(asked.get(0).header(IdentityHeaders.SIGNATURE)).isNotBlank();
        assertThat(count(
                        "SELECT COUNT(*) FROM campaign_policy WHERE campaign_id = ? AND policy_version = ?",
                        campaign,
                        version))
                .isEqualTo(1);
    }

    @Test
    void shouldPayNothingWhileInviteServiceIsDownAndTheRightAmountsOnceItIsBack() {
        long campaign = nextId();
        int version = InvitePolicies.serve(
                campaign,
                new RewardPolicyDTO(
                        new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 700),
                        new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 200),
                        7));
        long referral = nextId();
        Map<String, Object> event = payload(2, referral, campaign, version, "nina", "oscar");
        String eventId = (String) event.get("eventId");

        InvitePolicies.down();
        try {
            deliverRaw(event);
            await().atMost(Duration.ofSeconds(60)).until(() -> FAILED.getOrDefault(eventId, 0) >= 1);
            assertThat(rewardsOfReferral(referral)).isZero();
            assertThat(count("SELECT COUNT(*) FROM attribution WHERE referral_id = ?", referral))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId))
                    .isZero();
        } finally {
            InvitePolicies.up();
        }

        // the broker redelivers the message; now the policy can be read
        await().atMost(Duration.ofSeconds(90)).until(() -> rewardsOfReferral(referral) == 2);
        assertThat(amountOf(referral, "REFERRER")).isEqualTo(700);
        assertThat(amountOf(referral, "INVITEE")).isEqualTo(200);
    }
}
