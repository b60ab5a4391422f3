package io.laxin.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostSignaturesTest {

    @Test
    void shouldSignMethodPathTimestampNonceAndBodyDigest() {
        var headers = HostSignatures.sign(
                "brand-a",
                "s3cret-s3cret-s3cret-s3cret",
                "post",
                "/api/v1/host/registrations?x=1",
                "{}".getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(1_700_000_000L),
                "nonce-0123456789ab");

        assertThat(HostSignatures.canonical(
                        "POST",
                        "/api/v1/host/registrations?x=1",
                        "1700000000",
                        "nonce-0123456789ab",
                        "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("""
                POST
                /api/v1/host/registrations?x=1
                1700000000
                nonce-0123456789ab
                44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a""");
        assertThat(headers)
                .containsEntry("X-Api-Key", "brand-a")
                .containsEntry("X-Timestamp", "1700000000")
                .containsEntry("X-Nonce", "nonce-0123456789ab");
        assertThat(headers.get("X-Signature")).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldNotMatchWhenAnyPartChanges() {
        byte[] secret = "s3cret-s3cret-s3cret-s3cret".getBytes(StandardCharsets.UTF_8);
        String signed = HostSignatures.signature(secret, HostSignatures.canonical("POST", "/p", "1", "n", new byte[0]));

        // what the README's recipe prints: printf 'POST\n/p\n1\nn\n<sha256 of "">' | openssl dgst -sha256 -hmac
        // <secret>
        assertThat(signed).isEqualTo("570764a8fd462c32df7b7b6e59fb60f56f68fbf0d8a822516bdd4009c0b231c9");
        assertThat(HostSignatures.matches(signed, signed.toUpperCase())).isTrue();
        assertThat(HostSignatures.matches(
                        signed,
                        HostSignatures.signature(
                                secret,
                                HostSignatures.canonical(
                                        "POST", "/p", "1", "n", "x".getBytes(StandardCharsets.UTF_8)))))
                .isFalse();
        assertThat(HostSignatures.matches(
                        signed,
                        HostSignatures.signature(secret, HostSignatures.canonical("PUT", "/p", "1", "n", new byte[0]))))
                .isFalse();
        assertThat(HostSignatures.matches(signed, null)).isFalse();
    }
}
