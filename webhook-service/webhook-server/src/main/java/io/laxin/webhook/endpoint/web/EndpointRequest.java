package io.laxin.webhook.endpoint.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Register an endpoint: where, what for, and which event types. */
public record EndpointRequest(
        @NotBlank @Size(max = 2048) String url,
        @Size(max = 500) String description,
        @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {}
