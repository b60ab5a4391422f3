package io.laxin.invite.campaign.web;

import io.laxin.invite.campaign.application.DesignatingReferrers;
import io.laxin.invite.campaign.domain.DesignatedReferrers;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators: the users designated to refer in a campaign whose {@code referrers} is DESIGNATED. Writes: OPS or ADMIN,
 * with an optional Idempotency-Key; reads also FINANCE.
 */
@Tag(name = "Campaigns (operators)")
@RestController
@Validated
@RequestMapping("/api/v1/admin/campaigns/{campaignId}/referrers")
public class DesignatedReferrerController {

    private final DesignatingReferrers designating;
    private final IdempotentRequests idempotency;

    public DesignatedReferrerController(DesignatingReferrers designating, IdempotentRequests idempotency) {
        this.designating = designating;
        this.idempotency = idempotency;
    }

    /** How many of the sent users were added or removed (the others were already so). */
    public record Changed(int changed) {}

    /** One page of designated referrers, in the order they were added. */
    public record ReferrerPage(java.util.List<DesignatedReferrers.Designated> items, long total, int page, int size) {}

    @Operation(
            summary = "Designate users as referrers (bulk, up to 1000)",
            description = "Users already designated stay as they were. Used while the campaign's referrers is "
                    + "DESIGNATED: then only these users get a code, and registrations with other users' codes answer "
                    + "403 REFERRER_NOT_DESIGNATED.")
    @PostMapping
    public Changed add(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody ReferrerIdsRequest request) {
        caller.requireStaff(Role.OPS);
        return designating.add(
                campaignId,
                request.userIds(),
                caller.id(),
                new IdempotentRequests.Answer<>(
                        idempotency.key("referrers.add:" + caller.id() + ":" + campaignId, key, request),
                        Changed.class,
                        Changed::new));
    }

    @Operation(
            summary = "Remove designated referrers (bulk, up to 1000)",
            description = "Their codes stop bringing invitees while the campaign's referrers is DESIGNATED.")
    @PostMapping("/remove")
    public Changed remove(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody ReferrerIdsRequest request) {
        caller.requireStaff(Role.OPS);
        return designating.remove(
                campaignId,
                request.userIds(),
                new IdempotentRequests.Answer<>(
                        idempotency.key("referrers.remove:" + caller.id() + ":" + campaignId, key, request),
                        Changed.class,
                        Changed::new));
    }

    @Operation(summary = "List designated referrers", description = "page from 0, size 1–100 (default 20).")
    @GetMapping
    public ReferrerPage list(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        DesignatedReferrers.Page p = designating.page(campaignId, page, size);
        return new ReferrerPage(p.items(), p.total(), p.page(), p.size());
    }
}
