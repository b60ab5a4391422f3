package io.laxin.webhook.endpoint.application;

import java.util.List;

/** Register a URL for these event types (the server makes the secret). */
public record RegisterEndpointCommand(String url, String description, List<String> eventTypes, String staffId) {}
