package io.laxin.invite.touch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.invite.touch.domain.DeviceTokens;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DeviceTokensTest {

    private static final String KEY = "k".repeat(32);
    private static final String NEXT_KEY = "n".repeat(40);

    private final DeviceTokens tokens = new DeviceTokens(KEY, null, new SecureRandom());

    @Test
    void shouldIssueTokensOfTheDocumentedShapeThatItAccepts() {
        String token = tokens.issue();

        assertThat(token).matches("ldt1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
        assertThat(tokens.isValid(token)).isTrue();
        assertThat(tokens.issue()).isNotEqualTo(token);
    }

    @Test
    void shouldRefuseAForgedOrAlteredToken() {
        String token = tokens.issue();
        int dot = token.lastIndexOf('.');
        char last = token.charAt(token.length() - 1);

        assertThat(tokens.isValid(token.substring(0, dot + 1) + "A".repeat(22))).isFalse();
        assertThat(tokens.isValid(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')))
                .isFalse();
        assertThat(tokens.isValid("ldt1." + "A".repeat(22) + token.substring(dot)))
                .isFalse();
        assertThat(tokens.isValid(new DeviceTokens("x".repeat(32), null, new SecureRandom()).issue()))
                .isFalse();
        assertThat(tokens.isValid(token + "A")).isFalse();
        assertThat(tokens.isValid(token.replace("ldt1.", "ldt2."))).isFalse();
        assertThat(tokens.isValid(token.substring(0, 10) + "+" + token.substring(11)))
                .isFalse();
        assertThat(tokens.isValid(null)).isFalse();
        assertThat(tokens.isValid("lx-raw-device-id")).isFalse();
    }

    @Test
    void shouldAcceptTokensOfThePreviousKeyWhileRotatingAndIssueWithTheNewOne() {
        String old = tokens.issue();
        DeviceTokens rotated = new DeviceTokens(NEXT_KEY, KEY, new SecureRandom());
        DeviceTokens afterRotation = new DeviceTokens(NEXT_KEY, null, new SecureRandom());

        String fresh = rotated.issue();

        assertThat(rotated.isValid(old)).isTrue();
        assertThat(rotated.isValid(fresh)).isTrue();
        assertThat(afterRotation.isValid(fresh)).isTrue();
        assertThat(afterRotation.isValid(old)).isFalse();
        assertThat(tokens.isValid(fresh)).isFalse();
    }

    @Test
    void shouldRefuseAShortKey() {
        assertThatThrownBy(() -> new DeviceTokens("short", null, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceTokens(KEY, "short", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
