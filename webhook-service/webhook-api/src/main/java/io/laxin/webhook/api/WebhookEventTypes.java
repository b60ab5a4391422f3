package io.laxin.webhook.api;

import java.util.List;

/** The {@code type} of each webhook a brand can subscribe to (and {@link #PING}, sent on request only). */
public final class WebhookEventTypes {

    public static final String REFERRAL_ATTRIBUTED = "referral.attributed";
    public static final String REFERRAL_PENDING_REVIEW = "referral.pending_review";
    public static final String REFERRAL_REJECTED = "referral.rejected";
    public static final String REWARD_ISSUED = "reward.issued";
    public static final String REWARD_RELEASED = "reward.released";
    public static final String REWARD_REVOKED = "reward.revoked";
    public static final String REWARD_ADJUSTED = "reward.adjusted";
    public static final String REWARD_PAID = "reward.paid";
    public static final String RISK_DECIDED = "risk.decided";
    public static final String SETTLEMENT_APPROVED = "settlement.approved";
    public static final String SETTLEMENT_PAID = "settlement.paid";
    /** A test event an operator asks for ({@code POST …/endpoints/{id}/ping}); every endpoint receives it. */
    public static final String PING = "webhook.ping";

    /** What an endpoint may list in its {@code eventTypes}. */
    public static final List<String> SUBSCRIBABLE = List.of(
            REFERRAL_ATTRIBUTED,
            REFERRAL_PENDING_REVIEW,
            REFERRAL_REJECTED,
            REWARD_ISSUED,
            REWARD_RELEASED,
            REWARD_REVOKED,
            REWARD_ADJUSTED,
            REWARD_PAID,
            RISK_DECIDED,
            SETTLEMENT_APPROVED,
            SETTLEMENT_PAID);

    private WebhookEventTypes() {}
}
