package io.laxin.antifraud.screening.domain;

/**
 * Port: the shared rule-configuration version. Every change bumps it; every screening reads it in its one Redis round
 * trip, so each replica reloads its cached rules on the next screening after a change.
 */
public interface ConfigVersions {

    void bump();
}
