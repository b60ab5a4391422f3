package io.laxin.kernel.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.kernel.error.LaxinException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IdempotentRequestsTest {

    private final IdempotentRequests requests =
            new IdempotentRequests(null, JsonMapper.builder().build(), Clock.systemUTC());

    record Body(String note, Map<String, Object> extra) {}

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void shouldFingerprintTheSameRequestTheSameWhateverTheOrderOfItsMaps() {
        // Map.of iterates in an order that changes from one JVM (replica) to the next
        String ab = requests.fingerprint(ordered("requestId", 7, "note", "spam", "nested", ordered("x", 1, "y", 2)));
        String ba = requests.fingerprint(ordered("nested", ordered("y", 2, "x", 1), "note", "spam", "requestId", 7));

        assertThat(ab).isEqualTo(ba);
        assertThat(requests.fingerprint(new Body("n", ordered("a", 1, "b", List.of(ordered("d", 1, "c", 2))))))
                .isEqualTo(requests.fingerprint(new Body("n", ordered("b", List.of(ordered("c", 2, "d", 1)), "a", 1))));
    }

    @Test
    void shouldRefuseToRecordAKeyOutsideTheUseCasesTransaction() {
        IdempotentRequests.Key key = requests.key("registration.v2:brand", "k-1", ordered("a", 1));

        assertThatThrownBy(() -> requests.record(key, "answer"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the use case's transaction");
    }

    @Test
    void shouldTakeNoKeyForABlankOneAndRefuseAnOverlongOne() {
        assertThat(requests.key("s", " ", ordered("a", 1))).isNull();
        assertThat(requests.key("s", "k-1", ordered("a", 1)).requestHash())
                .isEqualTo(requests.fingerprint(ordered("a", 1)));
        assertThatThrownBy(() -> requests.key("s", "k".repeat(65), ordered("a", 1)))
                .isInstanceOf(LaxinException.class)
                .hasMessageContaining("at most 64");
    }

    @Test
    void shouldFingerprintADifferentRequestDifferently() {
        assertThat(requests.fingerprint(ordered("requestId", 7, "note", "spam")))
                .isNotEqualTo(requests.fingerprint(ordered("requestId", 7, "note", "ham")));
    }
}
