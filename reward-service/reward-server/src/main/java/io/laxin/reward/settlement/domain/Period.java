package io.laxin.reward.settlement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A settlement period [from, to). A batch collects every reward released before {@code to} that no batch holds yet,
 * so rewards carried over from earlier periods are collected too; {@code from} names the period.
 */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A period's start must be before its end: [" + from + ", " + to + ")");
        }
    }

    /** One calendar day in {@code zone}. */
    public static Period ofDay(LocalDate day, ZoneId zone) {
        return new Period(
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
