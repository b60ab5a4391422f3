package io.laxin.invite.funnel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The fission funnel of a campaign over a period: share link opens → registrations → attributed, by day (UTC) and
 * channel. Registrations that came with a typed-in code have channel {@code code} and no touches.
 *
 * @param firstOrders null until order events are tracked (reward-service's cashback issue)
 */
public record Funnel(long campaignId, Instant from, Instant to, List<Row> rows, Row totals, Long firstOrders) {

    public record Row(LocalDate day, String channel, long touches, long uniqueTouches, long registrations,
                      long attributed) {
    }
}
