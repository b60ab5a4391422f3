package io.laxin.webhook.endpoint.web;

import jakarta.validation.constraints.Size;
import java.util.List;

/** Change an endpoint; a field left out stays as it is. */
public record EndpointChangeRequest(
        @Size(min = 1, max = 2048) String url,
        @Size(max = 500) String description,
        @Size(min = 1, max = 20) List<String> eventTypes) {}
