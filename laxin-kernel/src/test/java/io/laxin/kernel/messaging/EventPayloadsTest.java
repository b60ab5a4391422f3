package io.laxin.kernel.messaging;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPayloadsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record Paid(String eventId, int schemaVersion, String orderId) {
    }

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAPayloadOfTheVersionTheConsumerKnows() {
        assertThat(EventPayloads.read(json, body("{\"eventId\":\"e1\",\"schemaVersion\":1,\"orderId\":\"o-1\"}"),
                Paid.class, 1).orderId()).isEqualTo("o-1");
        // the first producers' payloads without a version are version 1
        assertThat(EventPayloads.read(json, body("{\"eventId\":\"e2\",\"orderId\":\"o-2\"}"), Paid.class, 1)
                .eventId()).isEqualTo("e2");
    }

    @Test
    void shouldRefuseAPayloadOfAnotherVersionInsteadOfMisreadingIt() {
        // version 2 might have renamed or re-meant a field: reading it as version 1 would be a silent error
        assertThatThrownBy(() -> EventPayloads.read(json,
                body("{\"eventId\":\"e3\",\"schemaVersion\":2,\"orderId\":\"o-3\"}"), Paid.class, 1))
                .isInstanceOf(EventPayloads.UnsupportedSchemaVersion.class)
                .hasMessageContaining("schemaVersion 2").hasMessageContaining("reads version 1");
    }
}
