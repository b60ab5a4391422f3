package io.laxin.invite.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Rows keep UTC {@link LocalDateTime}; the domain speaks {@link Instant}. */
public final class UtcTimes {

    private UtcTimes() {}

    public static LocalDateTime toRow(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromRow(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
