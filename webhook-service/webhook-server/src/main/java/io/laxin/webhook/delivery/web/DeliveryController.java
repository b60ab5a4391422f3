package io.laxin.webhook.delivery.web;

import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.webhook.delivery.application.ManagingDeliveries;
import io.laxin.webhook.delivery.domain.Deliveries;
import io.laxin.webhook.delivery.domain.DeliveryStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log, redelivery and test pings (staff ADMIN, through the gateway). */
@Tag(name = "Webhook deliveries")
@RestController
@RequestMapping("/api/v1/admin/webhooks")
public class DeliveryController {

    private final ManagingDeliveries managing;
    private final IdempotentRequests idempotency;

    public DeliveryController(ManagingDeliveries managing, IdempotentRequests idempotency) {
        this.managing = managing;
        this.idempotency = idempotency;
    }

    @Operation(summary = "An endpoint's deliveries, newest first, optionally of one status")
    @GetMapping("/endpoints/{id}/deliveries")
    public DeliveryPageResponse deliveries(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        caller.requireStaff(Role.ADMIN);
        Deliveries.Page p = managing.ofEndpoint(id, status, page, size);
        return new DeliveryPageResponse(
                p.items().stream().map(DeliveryResponse::of).toList(), p.total(), p.page(), p.size());
    }

    @Operation(
            summary = "One delivery with its body and every attempt (status code, latency, first 1 KB of the answer)")
    @GetMapping("/deliveries/{id}")
    public DeliveryDetailResponse delivery(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.ADMIN);
        return DeliveryDetailResponse.of(managing.get(id));
    }

    @Operation(summary = "Send a delivery again now, with a fresh round of retries")
    @PostMapping("/deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public DeliveryResponse redeliver(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        caller.requireStaff(Role.ADMIN);
        return managing.redeliver(
                id,
                new IdempotentRequests.Answer<>(
                        idempotency.key("webhook-redeliver:" + caller.id(), key, id),
                        DeliveryResponse.class,
                        DeliveryResponse::of));
    }

    @Operation(summary = "Queue a webhook.ping event for this endpoint alone")
    @PostMapping("/endpoints/{id}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public DeliveryResponse ping(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        caller.requireStaff(Role.ADMIN);
        return managing.ping(
                id,
                new IdempotentRequests.Answer<>(
                        idempotency.key("webhook-ping:" + caller.id(), key, id),
                        DeliveryResponse.class,
                        DeliveryResponse::of));
    }
}
