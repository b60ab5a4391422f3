package io.laxin.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostApiKeysTest {

    private static final String SECRET = "s".repeat(24);
    private static final String OTHER = "t".repeat(30);

    @Test
    void shouldReadUnscopedAndScopedKeys() {
        var keys = new HostApiKeys("brand-a=" + SECRET + ", brand-s=" + OTHER + ";campaigns=15|12");

        assertThat(keys.secret("brand-a"))
                .hasValueSatisfying(
                        s -> assertThat(new String(s, StandardCharsets.UTF_8)).isEqualTo(SECRET));
        assertThat(keys.secret("brand-s"))
                .hasValueSatisfying(
                        s -> assertThat(new String(s, StandardCharsets.UTF_8)).isEqualTo(OTHER));
        assertThat(keys.campaigns("brand-a")).isEmpty();
        assertThat(keys.campaigns("brand-s")).isEqualTo(Set.of(12L, 15L));
        assertThat(keys.unscoped()).containsExactly("brand-a");
    }

    @Test
    void shouldRefuseABadSpecAtStartWithAClearMessage() {
        assertRefused("brand-s=" + SECRET + ";campaigns=", "campaigns");
        assertRefused("brand-s=" + SECRET + ";campaigns=12|x", "campaigns");
        assertRefused("brand-s=" + SECRET + ";campaigns=0", "campaigns");
        assertRefused("brand-s=" + SECRET + ";campaigns=-3", "campaigns");
        assertRefused("brand-s=" + SECRET + ";campaign=12", "unknown option");
        assertRefused("brand-s=" + SECRET + ";campaigns=12;campaigns=13", "campaigns");
        assertRefused("brand-s=" + SECRET + ",brand-s=" + OTHER, "brand-s");
        assertRefused("brand-s=short;campaigns=12", "shorter");
        assertRefused("=" + SECRET, "keyId=secret");
    }

    private static void assertRefused(String spec, String mentions) {
        assertThatThrownBy(() -> new HostApiKeys(spec))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(mentions)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(OTHER));
    }
}
