package io.laxin.kernel.messaging;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.topics.*}: the RocketMQ topic names, from configuration so a test run or an environment can use its
 * own. The one place the names and their defaults are declared: producers read this record, listeners name their
 * topic by the placeholders below (annotation attributes need constants). Payload types live in the producers' api
 * jars.
 *
 * @param referral referrals attributed, invite codes changed (invite-service)
 * @param order    the host's orders paid and refunded
 * @param risk     screening and review decisions (antifraud-service)
 * @param reward   rewards granted, released, revoked, settled (reward-service)
 */
@ConfigurationProperties("laxin.topics")
public record Topics(
        @DefaultValue(REFERRAL) String referral,
        @DefaultValue(ORDER) String order,
        @DefaultValue(RISK) String risk,
        @DefaultValue(REWARD) String reward) {

    public static final String REFERRAL = "LAXIN_REFERRAL";
    public static final String ORDER = "LAXIN_ORDER";
    public static final String RISK = "LAXIN_RISK";
    public static final String REWARD = "LAXIN_REWARD";

    /** For {@code @RocketMQMessageListener(topic = …)}: {@code laxin.topics.referral}, else its default. */
    public static final String REFERRAL_TOPIC = "${laxin.topics.referral:" + REFERRAL + "}";

    public static final String ORDER_TOPIC = "${laxin.topics.order:" + ORDER + "}";
    public static final String RISK_TOPIC = "${laxin.topics.risk:" + RISK + "}";
    public static final String REWARD_TOPIC = "${laxin.topics.reward:" + REWARD + "}";

    public List<String> all() {
        return List.of(referral, order, risk, reward);
    }

    /** The default names, with a suffix (a test run's own topics). */
    public static Topics withSuffix(String suffix) {
        return new Topics(REFERRAL + suffix, ORDER + suffix, RISK + suffix, REWARD + suffix);
    }
}
