package io.laxin.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.PropertiesBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** laxin.reward.* binds with its defaults, a bad value stops the start naming the property, and all are documented. */
class RewardPropertiesTest {

    @EnableConfigurationProperties(RewardProperties.class)
    static class Config {}

    @Test
    void shouldStartWithTheDefaults() {
        PropertiesBinding.starts(Config.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "laxin.reward.release-batch-size=0",
                "laxin.reward.cancel-batch-size=0",
                "laxin.reward.release-interval=0s",
                "laxin.reward.settlement-chunk-size=-1",
                "laxin.reward.min-payout-fen=0",
                "laxin.reward.fen-per-hundred-points=0",
                "laxin.reward.settlement-stuck-after=0s",
                "laxin.reward.settlement-zone=Mars/Olympus"
            })
    void shouldRefuseToStartOnABadValue(String setting) {
        PropertiesBinding.assertRejected(Config.class, setting);
    }

    @Test
    void shouldDocumentEverySettingInTheMetadata() {
        assertThat(PropertiesBinding.documentedProperties())
                .containsKeys(
                        "laxin.reward.release-batch-size",
                        "laxin.reward.cancel-batch-size",
                        "laxin.reward.release-interval",
                        "laxin.reward.settlement-chunk-size",
                        "laxin.reward.settlement-zone",
                        "laxin.topics.order",
                        "laxin.redis.key-prefix")
                .hasEntrySatisfying(
                        "laxin.reward.release-batch-size",
                        d -> assertThat(d).contains("rewards released per transaction"))
                .hasEntrySatisfying(
                        "laxin.reward.cancel-batch-size",
                        d -> assertThat(d).contains("revoked per transaction when a campaign is cancelled"));
    }
}
