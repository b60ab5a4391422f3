package io.laxin.webhook.delivery.domain;

import java.util.Map;

/** Sends one webhook request (port); never throws for what the receiver or the network does. */
public interface WebhookSender {

    Response send(String url, Map<String, String> headers, String body);

    /**
     * @param statusCode null when no answer came
     * @param body       the first 1 KB of the answer
     * @param error      what went wrong when no answer came
     */
    record Response(Integer statusCode, String body, String error) {}
}
