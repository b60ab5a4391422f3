package io.laxin.antifraud.screening.application;

import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.ReviewRequests;
import io.laxin.antifraud.screening.domain.ScreeningPolicy;
import io.laxin.antifraud.screening.domain.Screenings;
import io.laxin.antifraud.screening.domain.Velocity;
import io.laxin.antifraud.screening.domain.VelocityCounters;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: assess a registration with the campaign's current rules and store the decision with its inputs. The hot
 * path reads the counters (and the config version) in one Redis round trip, matches rules and lists in memory, and
 * writes the decision (plus a review case for REVIEW) in one transaction.
 */
@Service
public class ScreeningRegistration {

    private final Screenings screenings;
    private final VelocityCounters counters;
    private final RuleBooks books;
    private final ReviewRequests reviews;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ScreeningRegistration(
            Screenings screenings,
            VelocityCounters counters,
            RuleBooks books,
            ReviewRequests reviews,
            TransactionTemplate tx,
            Clock clock) {
        this.screenings = screenings;
        this.counters = counters;
        this.books = books;
        this.reviews = reviews;
        this.tx = tx;
        this.clock = clock;
    }

    public record Decision(String screeningId, Assessment assessment) {}

    public Decision handle(ScreenRegistrationCommand command) {
        Instant now = clock.instant();
        RegistrationFacts facts = command.facts();
        Velocity velocity = counters.countAndRead(facts, facts.registeredAt() == null ? now : facts.registeredAt());
        ScreeningPolicy policy = new ScreeningPolicy(books.book(facts.campaignId(), velocity.configVersion()));
        Assessment assessment = policy.assess(facts, velocity, books.lists(velocity.configVersion()), now);
        return tx.execute(s -> {
            String id = screenings.record(facts, assessment);
            if (assessment.verdict() == Assessment.Verdict.REVIEW) {
                reviews.requestReview(id, facts, assessment, now);
            }
            return new Decision(id, assessment);
        });
    }
}
