package io.laxin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.PropertiesBinding;
import io.laxin.webhook.delivery.messaging.NameServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** laxin.webhook.* binds with its defaults, a bad value stops the start naming the property, and all are documented. */
class WebhookPropertiesTest {

    @EnableConfigurationProperties({WebhookProperties.class, NameServer.class})
    static class Config {}

    @Test
    void shouldStartWithTheDefaults() {
        PropertiesBinding.starts(Config.class, "rocketmq.name-server=127.0.0.1:9876");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "laxin.webhook.max-endpoints=0",
                "laxin.webhook.retry.max-attempts=0",
                "laxin.webhook.dispatcher.batch-size=0",
                "laxin.webhook.dispatcher.threads=-1",
                "rocketmq.name-server="
            })
    void shouldRefuseToStartOnABadValue(String setting) {
        PropertiesBinding.assertRejected(Config.class, setting, "rocketmq.name-server=127.0.0.1:9876");
    }

    @Test
    void shouldDocumentEverySettingInTheMetadata() {
        assertThat(PropertiesBinding.documentedProperties())
                .containsKeys(
                        "laxin.webhook.retry.max-attempts", "laxin.webhook.dispatcher.lease", "rocketmq.name-server")
                .hasEntrySatisfying(
                        "laxin.webhook.read-timeout", d -> assertThat(d).contains("endpoint's answer"));
    }
}
