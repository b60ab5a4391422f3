package io.laxin.reward.reward;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.RewardItSupport;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReferralRewardsIT extends RewardItSupport {

    private ReferralAttributedEvent attributed(long referralId, String referrer, String invitee) {
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        return new ReferralAttributedEvent(UUID.randomUUID().toString(), "invite-service", at, 1, referralId, 9L, 2,
                referrer, invitee, new RewardPolicyDTO(new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 500),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 300), 7), at);
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
        var referrer = jdbc.queryForMap("SELECT kind, amount, status, release_at FROM reward "
                + "WHERE referral_id = ? AND beneficiary = 'REFERRER'", referral);
        assertThat(referrer.get("kind")).isEqualTo("POINTS");
        assertThat(((Number) referrer.get("amount")).longValue()).isEqualTo(500);
        assertThat(referrer.get("status")).isEqualTo("PENDING");
        assertThat(referrer.get("release_at")).isEqualTo(java.time.LocalDateTime.parse("2026-11-27T08:00:00"));
        var invitee = jdbc.queryForMap("SELECT user_id, kind, amount FROM reward "
                + "WHERE referral_id = ? AND beneficiary = 'INVITEE'", referral);
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
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class,
                event.eventId())).isEqualTo(1);
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
        assertThat(http.as(Caller.staff("fin", Role.FINANCE)).get("/api/v1/admin/rewards/campaigns/9/summary")
                .status()).isEqualTo(200);
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
        assertThat(count("SELECT COUNT(*) FROM ledger_entry e JOIN reward r ON r.id = e.reward_id "
                + "WHERE r.referral_id = ? AND e.posting_type = 'ISSUE'", referral)).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", event.eventId())).isEqualTo(1);
    }
}
