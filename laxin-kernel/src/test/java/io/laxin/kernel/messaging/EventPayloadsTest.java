package io.laxin.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventPayloadsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record Paid(String eventId, int schemaVersion, String orderId) {}

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAPayloadOfTheVersionTheConsumerKnows() {
        assertThat(EventPayloads.read(
                                json,
                                body("{\"eventId\":\"e1\",\"schemaVersion\":1,\"orderId\":\"o-1\"}"),
                                Paid.class,
                                1)
                        .orderId())
                .isEqualTo("o-1");
        // the first producers' payloads without a version are version 1
        assertThat(EventPayloads.read(json, body("{\"eventId\":\"e2\",\"orderId\":\"o-2\"}"), Paid.class, 1)
                        .eventId())
                .isEqualTo("e2");
    }

    @Test
    void shouldRefuseAPayloadOfAnotherVersionInsteadOfMisreadingIt() {
        // version 2 might have renamed or re-meant a field: reading it as version 1 would be a silent error
        assertThatThrownBy(() -> EventPayloads.read(
                        json, body("{\"eventId\":\"e3\",\"schemaVersion\":2,\"orderId\":\"o-3\"}"), Paid.class, 1))
                .isInstanceOf(EventPayloads.UnsupportedSchemaVersion.class)
                .hasMessageContaining("schemaVersion 2")
                .hasMessageContaining("reads version 1");
    }

    /** Version 2 of Paid dropped the {@code amountFen} version 1 carried. */
    record PaidV2(String eventId, int schemaVersion, String orderId) {}

    @Test
    void shouldReadAnOlderVersionInTheWindowWithoutItsDroppedFields() {
        JsonMapper strict = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        PaidV2 old = EventPayloads.read(
                strict,
                body("{\"eventId\":\"e4\",\"schemaVersion\":1,\"orderId\":\"o-4\",\"amountFen\":10000000}"),
                PaidV2.class,
                1,
                2);
        PaidV2 current = EventPayloads.read(
                strict, body("{\"eventId\":\"e5\",\"schemaVersion\":2,\"orderId\":\"o-5\"}"), PaidV2.class, 1, 2);

        assertThat(old.orderId()).isEqualTo("o-4");
        assertThat(old.schemaVersion()).isEqualTo(1);
        assertThat(current.orderId()).isEqualTo("o-5");
    }

    @Test
    void shouldRefuseAVersionOutsideTheWindow() {
        assertThatThrownBy(() -> EventPayloads.read(
                        json, body("{\"eventId\":\"e6\",\"schemaVersion\":3,\"orderId\":\"o-6\"}"), PaidV2.class, 1, 2))
                .isInstanceOf(EventPayloads.UnsupportedSchemaVersion.class)
                .hasMessageContaining("schemaVersion 3")
                .hasMessageContaining("versions 1 to 2");
        // once the window closes, version 1 is refused
        assertThatThrownBy(() -> EventPayloads.read(
                        json, body("{\"eventId\":\"e7\",\"schemaVersion\":1,\"orderId\":\"o-7\"}"), PaidV2.class, 2, 2))
                .isInstanceOf(EventPayloads.UnsupportedSchemaVersion.class);
    }
}
