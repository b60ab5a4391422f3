package io.laxin.invite.funnel.domain;

import java.time.Instant;

/**
 * K-factor = invites per referrer × conversion, where invites are unique share-link opens in the period, referrers
 * are the users holding a code of the campaign by its end, and conversion is attributed invitees per unique open.
 */
public record KFactor(
        long campaignId,
        Instant from,
        Instant to,
        long referrers,
        long uniqueTouches,
        long attributed,
        double invitesPerReferrer,
        double conversion,
        double kFactor) {

    public static KFactor of(
            long campaignId, Instant from, Instant to, long referrers, long uniqueTouches, long attributed) {
        double invites = referrers == 0 ? 0 : (double) uniqueTouches / referrers;
        double conversion = uniqueTouches == 0 ? 0 : (double) attributed / uniqueTouches;
        return new KFactor(
                campaignId, from, to, referrers, uniqueTouches, attributed, invites, conversion, invites * conversion);
    }
}
