package io.laxin.webhook.delivery.domain;

import java.time.Instant;

/**
 * One try at sending a delivery.
 *
 * @param responseCode the HTTP status, null when no answer came (refused, timed out, address not allowed)
 * @param responseBody the first 1 KB of the answer's body
 * @param error        why it failed without an answer
 */
public record Attempt(int number, Instant at, long latencyMs, Integer responseCode, String responseBody, String error) {

    public boolean succeeded() {
        return responseCode != null && responseCode >= 200 && responseCode < 300;
    }

    /** "HTTP 500" or the error, for the delivery log and an endpoint's disabled reason. */
    public String summary() {
        return responseCode != null ? "HTTP " + responseCode : error;
    }
}
