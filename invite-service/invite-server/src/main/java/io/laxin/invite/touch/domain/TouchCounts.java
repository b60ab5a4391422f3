package io.laxin.invite.touch.domain;

import java.time.LocalDate;
import java.util.List;

/** Touch counts of a campaign, by day (UTC) and channel: raw opens and unique visitors. */
public record TouchCounts(List<Row> rows) {

    public record Row(LocalDate day, String channel, long raw, long unique) {}

    public long raw() {
        return rows.stream().mapToLong(Row::raw).sum();
    }

    public long unique() {
        return rows.stream().mapToLong(Row::unique).sum();
    }
}
