package io.laxin.invite.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.referral.application.RescreeningHeldReferrals;
import io.laxin.invite.referral.domain.HeldScreenings;
import io.laxin.invite.referral.infra.ScreeningBreakers;
import io.laxin.testsupport.FakeService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A registration held because screening did not answer is screened again until antifraud-service answers, so it never
 * waits for a review case that was never opened (issue 14, item 3).
 */
class HeldScreeningIT extends InviteItSupport {

    @Autowired
    RescreeningHeldReferrals rescreening;

    @Autowired
    HeldScreenings held;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void nothingOwedByEarlierTests() {
        // other classes hold registrations too (screening down); this class counts only its own
        jdbc.update("DELETE FROM screening_retry");
        // each test fails screening on purpose: start each with the breaker closed
        ScreeningBreakers.close(context);
    }

    @AfterEach
    void pass() {
        passAllScreenings();
        CLOCK.reset();
    }

    private long heldWhileScreeningIsDown(String referrer, String invitee) {
        long campaign = createCampaign();
        String code = codeOf(campaign, referrer);
        ANTIFRAUD.on("/internal/screenings", r -> new FakeService.Answer(503, "text/plain", "overloaded"));
        var r = register(campaign, invitee, code);
        assertThat(r.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        return r.json().get("referralId").asLong();
    }

    private Map<String, Object> referral(long id) {
        return jdbc.queryForMap("SELECT status, screening_id, reasons FROM referral WHERE id = ?", id);
    }

    private long owed(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM screening_retry WHERE referral_id = ?", Long.class, id);
    }

    private long events(String tag, String invitee) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE tag = ? AND payload LIKE ?",
                Long.class,
                tag,
                "%\"inviteeUserId\":\"" + invitee + "\"%");
    }

    @Test
    void shouldKeepTheScreeningOwedAndTryAgainLaterWhileAntifraudIsStillDown() {
        long id = heldWhileScreeningIsDown("hs-ann", "hs-bo");

        assertThat(owed(id)).isEqualTo(1);
        assertThat(rescreening.runOnce()).as("antifraud is still down").isZero();
        int attempts =
                jdbc.queryForObject("SELECT attempts FROM screening_retry WHERE referral_id = ?", Integer.class, id);
        assertThat(attempts).isEqualTo(1);
        assertThat(rescreening.runOnce()).isZero();
        assertThat(jdbc.queryForObject("SELECT attempts FROM screening_retry WHERE referral_id = ?", Integer.class, id))
                .as("backing off: not tried again before its next attempt")
                .isEqualTo(1);
        assertThat(referral(id).get("status")).isEqualTo("PENDING_REVIEW");
        assertThat(referral(id).get("screening_id")).isNull();
    }

    @Test
    void shouldOpenTheReviewCaseOnceAntifraudAnswersAndKeepTheReferralHeld() {
        long id = heldWhileScreeningIsDown("hs-cat", "hs-dan");
        AtomicReference<String> screened = new AtomicReference<>();
        ANTIFRAUD.on("/internal/screenings", r -> {
            screened.set(r.body());
            return FakeService.Answer.json(Map.of(
                    "screeningId",
                    "s-late-dan",
                    "verdict",
                    "REVIEW",
                    "score",
                    55,
                    "reasons",
                    List.of(Map.of("ruleId", "DEVICE_REUSE", "detail", "seen twice", "weight", 55))));
        });

        assertThat(rescreening.runOnce()).isEqualTo(1);

        assertThat(screened.get()).contains("\"inviteeUserId\":\"hs-dan\"").contains("\"referrerUserId\":\"hs-cat\"");
        assertThat(referral(id).get("status")).isEqualTo("PENDING_REVIEW");
        assertThat(referral(id).get("screening_id")).isEqualTo("s-late-dan");
        assertThat((String) referral(id).get("reasons")).contains("DEVICE_REUSE");
        assertThat(owed(id)).isZero();
        assertThat(rescreening.runOnce()).as("answered once, asked once").isZero();
    }

    @Test
    void shouldAttributeAHeldReferralThatPassesOnceScreeningIsBack() {
        long id = heldWhileScreeningIsDown("hs-eve", "hs-fay");
        rescreening.runOnce();
        CLOCK.advance(Duration.ofMinutes(1));
        ANTIFRAUD.on(
                "/internal/screenings",
                r -> FakeService.Answer.json(
                        Map.of("screeningId", "s-late-fay", "verdict", "PASS", "score", 0, "reasons", List.of())));

        assertThat(rescreening.runOnce()).isEqualTo(1);

        assertThat(referral(id).get("status")).isEqualTo("ATTRIBUTED");
        assertThat(referral(id).get("screening_id")).isEqualTo("s-late-fay");
        assertThat(events("ATTRIBUTED", "hs-fay")).isEqualTo(1);
        assertThat(ranking(jdbc.queryForObject("SELECT campaign_id FROM referral WHERE id = ?", Long.class, id)))
                .containsExactly("1:hs-eve:1");
        assertThat(owed(id)).isZero();
    }

    @Test
    void shouldRejectAHeldReferralThatScreeningRejects() {
        long id = heldWhileScreeningIsDown("hs-gus", "hs-hal");
        ANTIFRAUD.on(
                "/internal/screenings",
                r -> FakeService.Answer.json(
                        Map.of("screeningId", "s-late-hal", "verdict", "REJECT", "score", 100, "reasons", List.of())));

        assertThat(rescreening.runOnce()).isEqualTo(1);

        assertThat(referral(id).get("status")).isEqualTo("REJECTED");
        assertThat(events("REJECTED", "hs-hal")).isEqualTo(1);
        assertThat(events("ATTRIBUTED", "hs-hal")).isZero();
        assertThat(owed(id)).isZero();
    }

    @Test
    void shouldTryAgainAfterTheLeaseWhenATryDiedBetweenClaimAndAnswer() {
        long id = heldWhileScreeningIsDown("hs-ivy", "hs-jim");
        // a replica claimed it and died before recording anything
        HeldScreenings.Held taken = held.due(CLOCK.instant(), 100).stream()
                .filter(h -> h.referralId() == id)
                .findFirst()
                .orElseThrow();
        assertThat(held.claim(id, taken.nextAttemptAt(), CLOCK.instant().plus(Duration.ofMinutes(2))))
                .isTrue();
        assertThat(held.claim(id, taken.nextAttemptAt(), CLOCK.instant().plus(Duration.ofMinutes(2))))
                .as("a second replica does not take it too")
                .isFalse();
        passAllScreenings();

        assertThat(rescreening.runOnce()).as("still leased").isZero();
        assertThat(owed(id)).isEqualTo(1);
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(rescreening.runOnce()).isEqualTo(1);

        assertThat(referral(id).get("status")).isEqualTo("ATTRIBUTED");
    }
}
