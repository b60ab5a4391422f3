package io.laxin.antifraud.screening.domain;

import java.time.Instant;

/** Port: the velocity counters of the hot path (Redis; one round trip per screening). */
public interface VelocityCounters {

    /** Counts this registration into every window it belongs to and answers all the counts at once. */
    Velocity countAndRead(RegistrationFacts facts, Instant at);
}
