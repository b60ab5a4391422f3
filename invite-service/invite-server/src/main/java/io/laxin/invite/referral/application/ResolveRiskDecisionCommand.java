package io.laxin.invite.referral.application;

import java.util.List;

/**
 * antifraud-service's final word on an invitee's referral.
 *
 * @param pass true for PASS, false for REJECT
 */
public record ResolveRiskDecisionCommand(
        String consumer,
        String eventId,
        long campaignId,
        String inviteeUserId,
        boolean pass,
        List<String> reasons,
        String decidedBy) {}
