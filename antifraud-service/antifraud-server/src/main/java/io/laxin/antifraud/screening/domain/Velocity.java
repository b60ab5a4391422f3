package io.laxin.antifraud.screening.domain;

import java.time.Instant;

/**
 * What the counters saw for one registration (read and incremented together, in one Redis round trip). Counts
 * include this registration; each distinct invitee counts once per window.
 *
 * @param phonePreviousOwner the account the invitee's phone hash belonged to before, or null
 * @param openidFirstSeen    when the invitee's openid was first seen by an earlier screening, or null
 * @param configVersion      the rule-configuration version (bumped on every admin change)
 */
public record Velocity(
        long deviceInviteesToday,
        long ipRegistrationsHour,
        long subnetRegistrationsHour,
        long referrerInviteesHour,
        long referrerInviteesDay,
        long unionidOpenids,
        String phonePreviousOwner,
        Instant openidFirstSeen,
        long configVersion) {

    public static Velocity none() {
        return new Velocity(0, 0, 0, 0, 0, 0, null, null, 0);
    }
}
