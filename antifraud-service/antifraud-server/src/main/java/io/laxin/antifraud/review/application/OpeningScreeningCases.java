package io.laxin.antifraud.review.application;

import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.ReviewRequests;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Screening's requests for review become open cases in the queue, in the screening's own transaction. */
@Component
class OpeningScreeningCases implements ReviewRequests {

    private final ReviewCases cases;

    OpeningScreeningCases(ReviewCases cases) {
        this.cases = cases;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestReview(String screeningId, RegistrationFacts facts, Assessment assessment, Instant at) {
        cases.open(new ReviewCases.NewCase(
                screeningId,
                facts.campaignId(),
                facts.referrerUserId(),
                facts.inviteeUserId(),
                ReviewCase.Source.SCREENING,
                assessment.score(),
                assessment.findings(),
                at));
    }
}
