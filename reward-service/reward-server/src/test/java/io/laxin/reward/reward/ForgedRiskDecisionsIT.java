package io.laxin.reward.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.messaging.MessageDelivery;
import io.laxin.reward.AntifraudDecisions;
import io.laxin.reward.RewardItSupport;
import io.laxin.testsupport.RocketMqProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A RISK_DECIDED message is acted on only as antifraud-service confirms it (ADR 0006): whoever can publish to the risk
 * topic cannot claw back or revoke anyone's rewards; a genuine REJECT still does, and waits for antifraud-service
 * when it is down.
 */
class ForgedRiskDecisionsIT extends RewardItSupport {

    private static final String CONSUMER = "reward-service-risk-revocations";

    @Autowired
    MeterRegistry meters;

    /** A referral of {@code invitee} by {@code referrer} whose two rewards (100 / 50) were released. */
    private long released(String referrer, String invitee) {
        long campaign = nextId();
        deliver(attributed(
                campaign,
                nextId(),
                referrer,
                invitee,
                policy(100, 50, 7),
                CLOCK.instant().minus(Duration.ofDays(8))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM reward WHERE campaign_id = ?", campaign) == 2);
        var run = http().as(Caller.staff("fin-1", Role.FINANCE)).post("/api/v1/admin/rewards/release-runs", Map.of());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status = 'AVAILABLE'", campaign))
                .isEqualTo(2);
        return campaign;
    }

    private double ignored() {
        Counter c = meters.find(MessageDelivery.IGNORED_METRIC)
                .tag("consumer", CONSUMER)
                .counter();
        return c == null ? 0 : c.count();
    }

    private void deliverAndAwaitConsumed(RiskDecidedEvent e) {
        long before = RocketMqProbe.consumed(context, topics.risk());
        deliver(e);
        awaitConsumed(topics.risk(), before + 1);
    }

    private void assertUntouched(long campaign, String invitee) {
        assertThat(count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND source = 'ADJUSTMENT'", campaign))
                .as("no claw-back")
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status IN ('REVOKED', 'REFUSED')",
                        campaign))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ? AND posting_type = 'CLAWBACK'",
                        campaign))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM attribution WHERE campaign_id = ? AND status = 'REVOKED'", campaign))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM risk_block WHERE campaign_id = ? AND invitee_user_id = ?",
                        campaign,
                        invitee))
                .as("the invitee is not blocked either")
                .isZero();
    }

    @Test
    void shouldClawNothingBackOnAForgedRejectOfAnInviteeWhoseCaseAntifraudPassed() {
        long campaign = released("fr-alice", "fr-bob");
        long caseId = nextId();
        AntifraudDecisions.decided(caseId, campaign, "fr-bob", "fr-alice", Verdict.PASS);
        double before = ignored();

        deliverAndAwaitConsumed(riskDecided(campaign, "fr-bob", "fr-alice", caseId, Verdict.REJECT));

        assertUntouched(campaign, "fr-bob");
        assertThat(ignored()).as("counted as ignored").isEqualTo(before + 1);
        var asked = AntifraudDecisions.requestsFor(caseId);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).header(IdentityHeaders.CALLER)).contains("reward-service");
        assertThat(asked.get(0).header(IdentityHeaders.SIGNATURE)).isNotBlank();
    }

    @Test
    void shouldRevokeNothingOnAForgedRejectNamingACaseAntifraudHasNotDecided() {
        long campaign = nextId();
        deliver(attributed(campaign, nextId(), "fn-alice", "fn-bob", policy(100, 50, 7), CLOCK.instant()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM reward WHERE campaign_id = ?", campaign) == 2);
        long caseId = nextId();
        AntifraudDecisions.unknown(caseId);
        double before = ignored();

        deliverAndAwaitConsumed(riskDecided(campaign, "fn-bob", "fn-alice", caseId, Verdict.REJECT));

        assertUntouched(campaign, "fn-bob");
        assertThat(count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status = 'PENDING'", campaign))
                .as("the pending rewards are not revoked")
                .isEqualTo(2);
        assertThat(ignored()).isEqualTo(before + 1);
        // acknowledged, not redelivered: asked once
        assertThat(AntifraudDecisions.requestsFor(caseId)).hasSize(1);
    }

    @Test
    void shouldClawNothingBackOnAForgedRejectThatBorrowsTheCaseOfAnotherInvitee() {
        long campaign = released("fo-alice", "fo-bob");
        long someoneElses = nextId();
        AntifraudDecisions.decided(someoneElses, campaign, "fo-mallory", "fo-alice", Verdict.REJECT);

        deliverAndAwaitConsumed(riskDecided(campaign, "fo-bob", "fo-alice", someoneElses, Verdict.REJECT));

        assertUntouched(campaign, "fo-bob");
    }

    @Test
    void shouldWaitForAntifraudWhileItIsDownAndClawBackAGenuineRejectOnceItAnswers() {
        long campaign = released("fd-alice", "fd-bob");
        RiskDecidedEvent reject = rejected(campaign, "fd-bob", "fd-alice");

        AntifraudDecisions.down();
        try {
            deliver(reject);
            await().atMost(Duration.ofSeconds(60)).until(() -> RISK_READ_FAILED.getOrDefault(reject.caseId(), 0) >= 1);
            assertUntouched(campaign, "fd-bob");
            assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", reject.eventId()))
                    .isZero();
        } finally {
            AntifraudDecisions.up();
        }

        // the broker redelivers the message; now antifraud-service confirms it
        await().atMost(Duration.ofSeconds(90))
                .until(() ->
                        count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND source = 'ADJUSTMENT'", campaign)
                                == 2);
        assertThat(count(
                        "SELECT amount FROM reward WHERE campaign_id = ? AND source = 'ADJUSTMENT' "
                                + "AND user_id = 'fd-alice'",
                        campaign))
                .isEqualTo(-100);
        assertThat(count(
                        "SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ? AND posting_type = 'CLAWBACK'",
                        campaign))
                .isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", reject.eventId()))
                .isEqualTo(1);
    }
}
