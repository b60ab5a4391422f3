package io.laxin.antifraud.screening.domain;

/** Port: stored screening decisions, with the inputs they were made on. */
public interface Screenings {

    /** Stores the decision and returns its id. */
    String record(RegistrationFacts facts, Assessment assessment);
}
