package io.laxin.antifraud;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.InternalRequest;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestKeys;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A service accepts a signed identity's nonce once (ADR 0007) — also after Redis lost the nonces it remembered: what
 * was signed before Redis's nonce memory began again is refused, what is signed after goes through. Redis is shared,
 * so "losing" deletes only this context's nonce keys.
 */
class NonceRedisLossIT extends AntifraudIT {

    private static final String PATH = "/api/v1/admin/risk/screenings/nope";
    private static final Caller OPS = Caller.staff("op-1", Role.OPS);

    @Autowired
    StringRedisTemplate redis;

    @Value("${laxin.redis.key-prefix}")
    String keyPrefix;

    private Map<String, String> signedAt(Instant at) {
        return TestKeys.signerFor(OPS)
                .sign(
                        OPS,
                        new InternalRequest("GET", PATH, null, null, "antifraud-service"),
                        at,
                        IdentitySigner.newNonce());
    }

    private TestHttp.Response send(Map<String, String> headers) {
        TestHttp http = TestHttp.at("http://127.0.0.1:" + port);
        for (var h : headers.entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        return http.get(PATH);
    }

    @Test
    void shouldRefuseAReplayAfterRedisLostItsNoncesAndAcceptAFreshSignature() {
        Map<String, String> captured = signedAt(Instant.now().minusSeconds(2));
        assertProblem(send(captured), 404, "SCREENING_NOT_FOUND");
        assertProblem(send(captured), 401, "SIGNATURE_REPLAYED");

        Set<String> keys = new HashSet<>();
        try (Cursor<String> c = redis.scan(
                ScanOptions.scanOptions().match(keyPrefix + "identity:nonce*").build())) {
            c.forEachRemaining(keys::add);
        }
        assertThat(keys).isNotEmpty().allMatch(k -> k.startsWith(keyPrefix));
        redis.delete(keys);

        assertProblem(send(captured), 401, "SIGNATURE_REPLAYED");
        // signed in or after the second the nonce memory began again: accepted
        assertProblem(send(signedAt(Instant.now())), 404, "SCREENING_NOT_FOUND");
    }
}
