package io.laxin.invite.funnel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The fission funnel of a campaign over a period: share link opens → registrations → attributed → first orders, by
 * day (UTC) and channel. Registrations that came with a typed-in code have channel {@code code} and no touches. First
 * orders are counted in the registration-day cohort: a row's {@code firstOrders} is how many of that day's attributed
 * invitees have paid a first order so far (whenever they paid it).
 *
 * @param firstOrders the total of the rows' first orders (the same as {@code totals.firstOrders})
 */
public record Funnel(long campaignId, Instant from, Instant to, List<Row> rows, Row totals, long firstOrders) {

    public record Row(
            LocalDate day,
            String channel,
            long touches,
            long uniqueTouches,
            long registrations,
            long attributed,
            long firstOrders) {}
}
