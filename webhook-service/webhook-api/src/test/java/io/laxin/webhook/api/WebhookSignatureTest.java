package io.laxin.webhook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test_5b1f0c2e";
    static final String BODY = "{\"id\":\"evt-1\",\"type\":\"reward.released\",\"occurredAt\":\"2026-12-01T08:00:00Z\","
            + "\"data\":{\"amount\":100,\"note\":\"满100减10\"}}";
    static final Instant NOW = Instant.parse("2026-12-01T08:00:30Z");

    @Test
    void shouldVerifyWhatItSigned() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, List.of(SECRET));
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(header, BODY, SECRET, Duration.ofMinutes(5), NOW))
                .isTrue();
    }

    @Test
    void shouldMatchAKnownVector() {
        // HMAC-SHA256("whsec_test_5b1f0c2e", "1764576030.{}"), computed independently:
        // printf '%s' '1764576030.{}' | openssl dgst -sha256 -hmac whsec_test_5b1f0c2e
        assertThat(WebhookSignature.header(1764576030L, "{}", List.of(SECRET)))
                .isEqualTo("t=1764576030,v1=5c8f02a7e53b28a0ec8f5d8c33a96063eb453b628649b1ae11189630bb04d8f2");
    }

    @Test
    void shouldRefuseATamperedBody() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, List.of(SECRET));
        assertThat(WebhookSignature.verify(header, BODY.replace("100", "900"), SECRET, Duration.ofMinutes(5), NOW))
                .isFalse();
    }

    @Test
    void shouldRefuseAnotherSecret() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, List.of(SECRET));
        assertThat(WebhookSignature.verify(header, BODY, "whsec_other", Duration.ofMinutes(5), NOW))
                .isFalse();
    }

    @Test
    void shouldRefuseAnOldOrFutureTimestamp() {
        String old = WebhookSignature.header(NOW.minusSeconds(301).getEpochSecond(), BODY, List.of(SECRET));
        String future = WebhookSignature.header(NOW.plusSeconds(301).getEpochSecond(), BODY, List.of(SECRET));
        String edge = WebhookSignature.header(NOW.minusSeconds(300).getEpochSecond(), BODY, List.of(SECRET));
        assertThat(WebhookSignature.verify(old, BODY, SECRET, Duration.ofMinutes(5), NOW))
                .isFalse();
        assertThat(WebhookSignature.verify(future, BODY, SECRET, Duration.ofMinutes(5), NOW))
                .isFalse();
        assertThat(WebhookSignature.verify(edge, BODY, SECRET, Duration.ofMinutes(5), NOW))
                .isTrue();
    }

    @Test
    void shouldAcceptEitherSecretDuringARotation() {
        String header = WebhookSignature.header(NOW.getEpochSecond(), BODY, List.of("whsec_new", "whsec_old"));
        assertThat(WebhookSignature.verify(header, BODY, "whsec_new", Duration.ofMinutes(5), NOW))
                .isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "whsec_old", Duration.ofMinutes(5), NOW))
                .isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "whsec_other", Duration.ofMinutes(5), NOW))
                .isFalse();
    }

    @Test
    void shouldRefuseMalformedHeaders() {
        for (String h : new String[] {null, "", "v1=abc", "t=abc,v1=00", "t=" + NOW.getEpochSecond()}) {
            assertThat(WebhookSignature.verify(h, BODY, SECRET, Duration.ofMinutes(5), NOW))
                    .as(h)
                    .isFalse();
        }
    }
}
