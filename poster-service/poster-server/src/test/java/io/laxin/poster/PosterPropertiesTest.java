package io.laxin.poster;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** laxin.poster.* binds with its defaults, a bad value stops the start naming the property, and all are documented. */
class PosterPropertiesTest {

    private static final String[] REQUIRED = {
        "laxin.poster.avatar.allowed-hosts=wx.qlogo.cn", "laxin.poster.render.max-concurrent=2"
    };

    @EnableConfigurationProperties(PosterProperties.class)
    static class Config {}

    @Test
    void shouldStartWithTheDefaults() {
        PropertiesBinding.starts(Config.class, REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "laxin.poster.render.max-concurrent=0",
                "laxin.poster.avatar.allowed-hosts=",
                "laxin.poster.avatar.read-timeout=0ms",
                "laxin.poster.background.max-bytes=-1",
                "laxin.poster.cache.ttl=0s",
                "laxin.poster.template.decoded-cache-bytes=0",
                "laxin.poster.pregen.resume-interval=0s"
            })
    void shouldRefuseToStartOnABadValue(String setting) {
        PropertiesBinding.assertRejected(Config.class, setting, REQUIRED);
    }

    @Test
    void shouldDocumentEverySettingInTheMetadata() {
        assertThat(PropertiesBinding.documentedProperties())
                .containsKeys(
                        "laxin.poster.title",
                        "laxin.poster.background.max-pixels",
                        "laxin.poster.avatar.allowed-hosts",
                        "laxin.poster.wechat.app-id",
                        "laxin.poster.pregen.resume-interval")
                .hasEntrySatisfying(
                        "laxin.poster.render.slot-wait", d -> assertThat(d).contains("waits this long for a slot"));
    }
}
