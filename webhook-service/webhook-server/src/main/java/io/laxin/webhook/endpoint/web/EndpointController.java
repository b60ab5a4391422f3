package io.laxin.webhook.endpoint.web;

import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.webhook.endpoint.application.ChangeEndpointCommand;
import io.laxin.webhook.endpoint.application.ManagingEndpoints;
import io.laxin.webhook.endpoint.application.RegisterEndpointCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The brand's webhook endpoints (staff ADMIN, through the gateway). */
@Tag(name = "Webhook endpoints")
@RestController
@RequestMapping("/api/v1/admin/webhooks/endpoints")
public class EndpointController {

    private final ManagingEndpoints managing;
    private final IdempotentRequests idempotency;

    public EndpointController(ManagingEndpoints managing, IdempotentRequests idempotency) {
        this.managing = managing;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Register an endpoint; the answer carries its signing secret, shown this once")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public EndpointResponse register(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody EndpointRequest request) {
        caller.requireStaff(Role.ADMIN);
        return managing.register(
                new RegisterEndpointCommand(request.url(), request.description(), request.eventTypes(), caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key("webhook-endpoint-register:" + caller.id(), key, request),
                        EndpointResponse.class,
                        EndpointResponse::withSecret));
    }

    @Operation(summary = "Every endpoint (secrets masked)")
    @GetMapping
    public List<EndpointResponse> list(Caller caller) {
        caller.requireStaff(Role.ADMIN);
        return managing.list().stream().map(EndpointResponse::of).toList();
    }

    @Operation(summary = "One endpoint (secret masked)")
    @GetMapping("/{id}")
    public EndpointResponse get(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.ADMIN);
        return EndpointResponse.of(managing.get(id));
    }

    @Operation(summary = "Change an endpoint's URL, description or event types")
    @PatchMapping("/{id}")
    public EndpointResponse change(
            Caller caller, @PathVariable long id, @Valid @RequestBody EndpointChangeRequest request) {
        caller.requireStaff(Role.ADMIN);
        return EndpointResponse.of(managing.change(
                new ChangeEndpointCommand(id, request.url(), request.description(), request.eventTypes())));
    }

    @Operation(summary = "Enable it: clears the disabled reason and the failure streak; pending deliveries resume")
    @PostMapping("/{id}/enable")
    public EndpointResponse enable(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.ADMIN);
        return EndpointResponse.of(managing.enable(id));
    }

    @Operation(summary = "Disable it: nothing is sent; its deliveries wait until it is enabled")
    @PostMapping("/{id}/disable")
    public EndpointResponse disable(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.ADMIN);
        return EndpointResponse.of(managing.disable(id, caller.id()));
    }

    @Operation(summary = "A new signing secret, shown this once; the old one also signs for the grace period")
    @PostMapping("/{id}/rotate-secret")
    public EndpointResponse rotateSecret(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.ADMIN);
        return EndpointResponse.withSecret(managing.rotateSecret(id));
    }
}
