package io.laxin.invite.referral.web;

import java.util.List;

/**
 * @param outcome      ATTRIBUTED, PENDING_REVIEW or REJECTED
 * @param firstReport  false when this registration had been reported before (the first outcome is returned)
 */
public record RegistrationResponse(
        long referralId,
        long campaignId,
        String inviteeUserId,
        String referrerUserId,
        String outcome,
        List<String> reasons,
        boolean firstReport) {}
