package io.laxin.webhook.endpoint.application;

import java.util.List;

/** Change an endpoint's URL, description or event types; a null field stays as it is. */
public record ChangeEndpointCommand(long endpointId, String url, String description, List<String> eventTypes) {}
