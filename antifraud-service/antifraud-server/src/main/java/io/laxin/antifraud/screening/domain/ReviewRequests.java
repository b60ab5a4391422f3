package io.laxin.antifraud.screening.domain;

import java.time.Instant;

/**
 * Port: screening asks for a person's look at a registration it could not decide (verdict REVIEW). The review
 * feature implements it by opening a case in its queue; it is called in the screening's transaction, so the case
 * exists exactly when the decision does.
 */
public interface ReviewRequests {

    void requestReview(String screeningId, RegistrationFacts facts, Assessment assessment, Instant at);
}
