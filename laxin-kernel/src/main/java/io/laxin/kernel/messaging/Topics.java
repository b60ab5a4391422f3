package io.laxin.kernel.messaging;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.topics.*}: the RocketMQ topic names, from configuration so a test run or an environment can use its
 * own. Payload types live in the producers' api jars.
 */
@ConfigurationProperties("laxin.topics")
public record Topics(
        @DefaultValue("LAXIN_REFERRAL") String referral,
        @DefaultValue("LAXIN_ORDER") String order,
        @DefaultValue("LAXIN_RISK") String risk,
        @DefaultValue("LAXIN_REWARD") String reward) {

    public List<String> all() {
        return List.of(referral, order, risk, reward);
    }

    /** The default names, with a suffix (a test run's own topics). */
    public static Topics withSuffix(String suffix) {
        return new Topics(
                "LAXIN_REFERRAL" + suffix, "LAXIN_ORDER" + suffix, "LAXIN_RISK" + suffix, "LAXIN_REWARD" + suffix);
    }
}
