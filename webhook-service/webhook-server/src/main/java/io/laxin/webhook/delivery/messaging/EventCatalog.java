package io.laxin.webhook.delivery.messaging;

import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralDecidedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.RewardEvent;
import io.laxin.reward.api.event.RewardEventTags;
import io.laxin.reward.api.event.RewardsPaidEvent;
import io.laxin.reward.api.event.SettlementBatchEvent;
import io.laxin.webhook.api.WebhookEventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which messages of the suite become which webhook: (topic, tag) → event type, with the payload type and schema
 * version this service reads. Tags not listed here (code changes, order events…) are not forwarded.
 */
public final class EventCatalog {

    /**
     * @param payloadType         the api-jar record the payload must read as; {@code schemaVersion} its newest version
     * @param oldestSchemaVersion the oldest version still read (a migration window), usually the same
     */
    public record Entry(String type, Class<?> payloadType, int oldestSchemaVersion, int schemaVersion) {

        public Entry(String type, Class<?> payloadType, int schemaVersion) {
            this(type, payloadType, schemaVersion, schemaVersion);
        }
    }

    private final Map<String, Map<String, Entry>> byTopic = new LinkedHashMap<>();

    public EventCatalog(Topics topics) {
        Map<String, Entry> referral = new LinkedHashMap<>();
        referral.put(
                ReferralEventTags.ATTRIBUTED,
                new Entry(
                        WebhookEventTypes.REFERRAL_ATTRIBUTED,
                        ReferralAttributedEvent.class,
                        ReferralAttributedEvent.OLDEST_READ_VERSION,
                        ReferralAttributedEvent.SCHEMA_VERSION));
        referral.put(
                ReferralEventTags.PENDING_REVIEW,
                new Entry(
                        WebhookEventTypes.REFERRAL_PENDING_REVIEW,
                        ReferralDecidedEvent.class,
                        ReferralDecidedEvent.SCHEMA_VERSION));
        referral.put(
                ReferralEventTags.REJECTED,
                new Entry(
                        WebhookEventTypes.REFERRAL_REJECTED,
                        ReferralDecidedEvent.class,
                        ReferralDecidedEvent.SCHEMA_VERSION));
        Map<String, Entry> reward = new LinkedHashMap<>();
        reward.put(
                RewardEventTags.ISSUED,
                new Entry(WebhookEventTypes.REWARD_ISSUED, RewardEvent.class, RewardEvent.SCHEMA_VERSION));
        reward.put(
                RewardEventTags.RELEASED,
                new Entry(WebhookEventTypes.REWARD_RELEASED, RewardEvent.class, RewardEvent.SCHEMA_VERSION));
        reward.put(
                RewardEventTags.REVOKED,
                new Entry(WebhookEventTypes.REWARD_REVOKED, RewardEvent.class, RewardEvent.SCHEMA_VERSION));
        reward.put(
                RewardEventTags.ADJUSTED,
                new Entry(WebhookEventTypes.REWARD_ADJUSTED, RewardEvent.class, RewardEvent.SCHEMA_VERSION));
        reward.put(
                RewardEventTags.PAID,
                new Entry(WebhookEventTypes.REWARD_PAID, RewardsPaidEvent.class, RewardsPaidEvent.SCHEMA_VERSION));
        reward.put(
                RewardEventTags.SETTLEMENT_APPROVED,
                new Entry(
                        WebhookEventTypes.SETTLEMENT_APPROVED,
                        SettlementBatchEvent.class,
                        SettlementBatchEvent.SCHEMA_VERSION));
        reward.put(
                RewardEventTags.SETTLEMENT_PAID,
                new Entry(
                        WebhookEventTypes.SETTLEMENT_PAID,
                        SettlementBatchEvent.class,
                        SettlementBatchEvent.SCHEMA_VERSION));
        Map<String, Entry> risk = new LinkedHashMap<>();
        risk.put(
                RiskEventTags.DECIDED,
                new Entry(WebhookEventTypes.RISK_DECIDED, RiskDecidedEvent.class, RiskDecidedEvent.SCHEMA_VERSION));
        byTopic.put(topics.referral(), referral);
        byTopic.put(topics.reward(), reward);
        byTopic.put(topics.risk(), risk);
    }

    public Optional<Entry> find(String topic, String tag) {
        return Optional.ofNullable(byTopic.getOrDefault(topic, Map.of()).get(tag));
    }

    public List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }

    /** The RocketMQ subscription expression for a topic: its mapped tags only. */
    public String tagExpression(String topic) {
        return byTopic.get(topic).keySet().stream().collect(Collectors.joining(" || "));
    }
}
