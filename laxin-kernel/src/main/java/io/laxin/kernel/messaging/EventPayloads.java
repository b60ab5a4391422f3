package io.laxin.kernel.messaging;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an event's payload as the type its consumer knows, but only when its {@code schemaVersion} is one that type
 * describes: a payload of a newer version is refused (the message is poison: {@link MessageDelivery} parks it at once
 * for a replay once the consumer that knows it is deployed) instead of being read as if it were the old shape. A payload without a version is version 1 (every
 * producer has written one since the first).
 */
public final class EventPayloads {

    private EventPayloads() {}

    /** The payload's schema version is not one this consumer reads. */
    public static final class UnsupportedSchemaVersion extends RuntimeException {
        public UnsupportedSchemaVersion(String type, int version, int supported) {
            super(type + " payload of schemaVersion " + version + "; this consumer reads version " + supported
                    + " (deploy the consumer that knows it, then replay the message)");
        }

        public UnsupportedSchemaVersion(String type, int version, int oldest, int newest) {
            super(type + " payload of schemaVersion " + version + "; this consumer reads versions " + oldest + " to "
                    + newest + " (deploy the consumer that knows it, then replay the message)");
        }
    }

    public static <T> T read(JsonMapper json, byte[] body, Class<T> type, int supportedVersion) {
        return read(json, body, type, supportedVersion, supportedVersion);
    }

    /**
     * Reads a payload of any version from {@code oldest} to {@code newest} (a migration window) as the newest shape:
     * fields an older version had and the type no longer has are dropped, never read.
     */
    public static <T> T read(JsonMapper json, byte[] body, Class<T> type, int oldest, int newest) {
        JsonNode tree = json.readTree(new String(body, StandardCharsets.UTF_8));
        JsonNode v = tree.get("schemaVersion");
        int version = v == null || v.isNull() ? 1 : v.asInt();
        if (version < oldest || version > newest) {
            throw oldest == newest
                    ? new UnsupportedSchemaVersion(type.getSimpleName(), version, newest)
                    : new UnsupportedSchemaVersion(type.getSimpleName(), version, oldest, newest);
        }
        if ((v == null || v.isNull()) && tree instanceof ObjectNode object) {
            object.put("schemaVersion", version);
        }
        if (version < newest) {
            return json.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        }
        return json.treeToValue(tree, type);
    }
}
