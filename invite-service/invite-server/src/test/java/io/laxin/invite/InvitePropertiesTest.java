package io.laxin.invite;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** laxin.invite.* binds with its defaults, a bad value stops the start naming the property, and all are documented. */
class InvitePropertiesTest {

    private static final String SHARE_BASE_URL = "laxin.invite.share-base-url=https://invite.example";

    @EnableConfigurationProperties(InviteProperties.class)
    static class Config {}

    @Test
    void shouldStartWithTheDefaults() {
        PropertiesBinding.starts(Config.class, SHARE_BASE_URL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "laxin.invite.share-base-url=",
                "laxin.invite.device-touch-cleanup-batch=0",
                "laxin.invite.touch-flush-interval=0s",
                "laxin.invite.rescreen-interval=-1s",
                "laxin.invite.screening-breaker.error-ratio=1.5",
                "laxin.invite.screening-breaker.min-requests=0"
            })
    void shouldRefuseToStartOnABadValue(String setting) {
        PropertiesBinding.assertRejected(Config.class, setting, SHARE_BASE_URL);
    }

    @Test
    void shouldDocumentEverySettingInTheMetadata() {
        assertThat(PropertiesBinding.documentedProperties())
                .containsKeys(
                        "laxin.invite.share-base-url",
                        "laxin.invite.identity-key",
                        "laxin.invite.touch-flush-interval",
                        "laxin.invite.screening-breaker.slow-ms")
                .hasEntrySatisfying(
                        "laxin.invite.device-touch-cleanup-batch",
                        d -> assertThat(d).contains("deleted per statement"));
    }
}
