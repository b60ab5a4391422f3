package io.laxin.invite.referral.application;

import java.time.Instant;
import java.util.List;

/**
 * antifraud-service's final word on an invitee's referral.
 *
 * @param pass      true for PASS, false for REJECT
 * @param decidedAt when antifraud-service decided (the decision event's time), not when the message arrived: a
 *                  referral approved at 10:00 is attributed at 10:00 however long the broker held the message
 */
public record ResolveRiskDecisionCommand(
        String consumer,
        String eventId,
        long campaignId,
        String inviteeUserId,
        boolean pass,
        List<String> reasons,
        String decidedBy,
        Instant decidedAt) {}
