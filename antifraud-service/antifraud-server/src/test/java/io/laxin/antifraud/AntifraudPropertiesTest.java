package io.laxin.antifraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** laxin.antifraud.* binds with its defaults, a bad value stops the start naming the property, and all are documented. */
class AntifraudPropertiesTest {

    @EnableConfigurationProperties(AntifraudProperties.class)
    static class Config {}

    @Test
    void shouldStartWithTheDefaults() {
        PropertiesBinding.starts(Config.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "laxin.antifraud.rules.refresh=0s",
                "laxin.antifraud.identity-memory=0s",
                "laxin.antifraud.sentinel.qps=0",
                "laxin.antifraud.sentinel.error-ratio=2",
                "laxin.antifraud.analysis.interval=0s",
                "laxin.antifraud.analysis.cluster-device-ratio=0",
                "laxin.antifraud.analysis.zombies.hold-period=-1d"
            })
    void shouldRefuseToStartOnABadValue(String setting) {
        PropertiesBinding.assertRejected(Config.class, setting);
    }

    @Test
    void shouldDocumentEverySettingInTheMetadata() {
        assertThat(PropertiesBinding.documentedProperties())
                .containsKeys(
                        "laxin.antifraud.rules.refresh",
                        "laxin.antifraud.sentinel.qps",
                        "laxin.antifraud.analysis.look-back",
                        "laxin.antifraud.analysis.zombies.enabled")
                .hasEntrySatisfying(
                        "laxin.antifraud.identity-memory", d -> assertThat(d).contains("first owner"));
    }
}
