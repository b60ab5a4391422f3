package io.laxin.webhook.delivery.domain;

import java.time.Instant;

/**
 * One event as endpoints receive it. {@code body} is the exact JSON sent (and signed), the same bytes on every attempt
 * and every endpoint: {@code {"id": …, "type": …, "occurredAt": …, "data": {the event payload}}}.
 */
public record WebhookEvent(String id, String type, Instant occurredAt, String body) {

    /** The body for an event whose payload is {@code dataJson} (a JSON object, kept as the producer wrote it). */
    public static WebhookEvent of(String id, String type, Instant occurredAt, String dataJson) {
        String body = "{\"id\":" + quote(id) + ",\"type\":" + quote(type) + ",\"occurredAt\":"
                + quote(occurredAt.toString()) + ",\"data\":" + dataJson + "}";
        return new WebhookEvent(id, type, occurredAt, body);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
