package io.laxin.invite.api.dto;

import jakarta.validation.constraints.Positive;

/**
 * How many attributed invitees earn one referrer a reward (referral reward and milestones) per UTC day, per UTC
 * month and per campaign; null for no cap. Invitees past a cap are still attributed, and still get their own reward.
 */
public record CapsDTO(
        @Positive Integer perDay,
        @Positive Integer perMonth,
        @Positive Integer perCampaign) {}
