package io.laxin.antifraud.analysis.domain;

import java.time.Instant;

/**
 * Port: a lease per job in the database, so one replica at a time runs it. Acquired atomically when the previous
 * lease has run out; released early when the run ends; a crashed holder's lease simply expires.
 */
public interface JobLeases {

    boolean acquire(String job, String owner, Instant now, Instant until);

    void release(String job, String owner, Instant now);
}
