package io.laxin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** laxin.gateway.max-body defaults to 1MB, an empty limit stops the start naming it, and it is documented. */
class RoutingPropertiesTest {

    @EnableConfigurationProperties(RoutingProperties.class)
    static class Config {}

    @Test
    void shouldStartWithTheDefault() {
        PropertiesBinding.starts(Config.class);
    }

    @Test
    void shouldRefuseToStartWithoutRoomForABody() {
        PropertiesBinding.assertRejected(Config.class, "laxin.gateway.max-body=0B");
    }

    @Test
    void shouldDocumentTheSettingInTheMetadata() {
        assertThat(PropertiesBinding.documentedProperties())
                .hasEntrySatisfying("laxin.gateway.max-body", d -> assertThat(d).contains("largest body"))
                .containsKeys("laxin.gateway.auth.jwt-issuer", "laxin.redis.key-prefix");
    }
}
