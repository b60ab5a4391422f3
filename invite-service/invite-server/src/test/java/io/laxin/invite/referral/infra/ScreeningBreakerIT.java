package io.laxin.invite.referral.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.testsupport.FakeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With antifraud-service failing, registrations are held for review, and after a few failures it is not even called. */
class ScreeningBreakerIT extends InviteItSupport {

    private static final int MIN_REQUESTS = 4;

    @Autowired
    ScreeningBreaker breaker;

    @AfterEach
    void closeTheBreaker() {
        passAllScreenings();
        breaker.configure(0.5, 600, 10, 10);
    }

    private long screeningCalls() {
        return ANTIFRAUD.received().stream()
                .filter(r -> r.path().equals("/internal/screenings"))
                .count();
    }

    @Test
    void shouldHoldRegistrationsForReviewAndStopCallingAFailingAntifraudService() {
        breaker.configure(0.5, 600, 60, MIN_REQUESTS);
        ANTIFRAUD.on("/internal/screenings", r -> new FakeService.Answer(500, "application/json", "{}"));
        long campaign = createCampaign();
        String code = codeOf(campaign, "cb-alice");
        long before = screeningCalls();

        for (int i = 0; i < MIN_REQUESTS; i++) {
            var r = register(campaign, "cb-invitee-" + i, code);
            assertThat(r.json().get("outcome").asString()).as(r.toString()).isEqualTo("PENDING_REVIEW");
        }
        assertThat(screeningCalls() - before)
                .as("each of the first registrations tried antifraud-service")
                .isEqualTo(MIN_REQUESTS);

        var whileOpen = register(campaign, "cb-invitee-open", code);

        assertThat(whileOpen.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(screeningCalls() - before)
                .as("the open breaker answers without calling")
                .isEqualTo(MIN_REQUESTS);
    }
}
