package io.laxin.antifraud.screening.domain;

import java.time.Instant;
import java.util.Optional;

/** Port: stored screening decisions, with the inputs they were made on. */
public interface Screenings {

    /** One stored decision, as it was made. */
    record Stored(String id, RegistrationFacts facts, Assessment assessment, Instant decidedAt) {}

    /** Stores the decision and returns its id. */
    String record(RegistrationFacts facts, Assessment assessment);

    Optional<Stored> find(String id);
}
