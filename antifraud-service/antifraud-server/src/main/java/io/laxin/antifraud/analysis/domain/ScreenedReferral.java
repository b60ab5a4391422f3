package io.laxin.antifraud.analysis.domain;

import java.time.Instant;

/** One screened registration as the late analysis sees it: an edge referrer → invitee with its device and subnet. */
public record ScreenedReferral(
        String screeningId,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        String deviceId,
        String subnet24,
        String verdict,
        Instant registeredAt) {}
