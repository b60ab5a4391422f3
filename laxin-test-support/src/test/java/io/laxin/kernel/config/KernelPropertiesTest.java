package io.laxin.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.messaging.OutboxProperties;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The kernel's shared settings bind with their defaults, a bad value stops the start naming it, all are documented. */
class KernelPropertiesTest {

    @EnableConfigurationProperties({KernelProperties.class, OutboxProperties.class, Topics.class})
    static class Config {}

    @Test
    void shouldStartWithTheDefaults() {
        PropertiesBinding.starts(Config.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "laxin.jobs.threads=0",
                "laxin.jobs.queue=-1",
                "laxin.jobs.lease=0s",
                "laxin.messaging.max-reconsume-times=0",
                "laxin.outbox.batch-size=0",
                "laxin.outbox.poll-interval=0ms"
            })
    void shouldRefuseToStartOnABadValue(String setting) {
        PropertiesBinding.assertRejected(Config.class, setting);
    }

    @Test
    void shouldDeclareEachTopicAndItsDefaultOnce() {
        assertThat(Topics.ORDER_TOPIC).isEqualTo("${laxin.topics.order:" + Topics.ORDER + "}");
        assertThat(Topics.withSuffix(""))
                .isEqualTo(new Topics(Topics.REFERRAL, Topics.ORDER, Topics.RISK, Topics.REWARD));
        assertThat(PropertiesBinding.documentedProperties())
                .containsKeys("laxin.redis.key-prefix", "laxin.jobs.lease", "laxin.topics.reward")
                .hasEntrySatisfying(
                        "laxin.messaging.max-reconsume-times",
                        d -> assertThat(d).contains("before it is parked"));
    }
}
