package io.laxin.antifraud.screening.web;

import io.laxin.antifraud.screening.application.ChangingRules;
import io.laxin.antifraud.screening.domain.DecisionThresholds;
import io.laxin.antifraud.screening.domain.RiskList;
import io.laxin.antifraud.screening.domain.RuleBook;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.antifraud.screening.domain.RuleSettings;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule administration (staff OPS or ADMIN): settings per campaign (0 = global), decision thresholds, black- and
 * whitelists, and the audit trail of every change. A change applies to the next screening on every replica.
 */
@RestController
@RequestMapping("/api/v1/admin/risk/rules")
public class RuleAdminController {

    private final ChangingRules rules;
    private final IdempotentRequests idempotency;

    public RuleAdminController(ChangingRules rules, IdempotentRequests idempotency) {
        this.rules = rules;
        this.idempotency = idempotency;
    }

    public record RuleResponse(
            String ruleId, String description, boolean enabled, int weight, long threshold, String params) {}

    public record RuleBookResponse(long campaignId, int reviewAt, int rejectAt, List<RuleResponse> rules) {}

    public record RuleChangeRequest(
            Boolean enabled,
            Integer weight,
            Long threshold,
            @Size(max = 500) String params) {}

    public record ThresholdsRequest(
            @NotNull Integer reviewAt, @NotNull Integer rejectAt) {}

    public record ListEntryRequest(
            @NotNull RiskList.Kind list,
            @NotNull RiskList.SubjectType type,
            @NotBlank @Size(max = 128) String value,
            @Size(max = 500) String reason,
            Instant expiresAt) {}

    public record ListEntryResponse(
            long id,
            String list,
            String type,
            String value,
            String reason,
            Instant expiresAt,
            String createdBy,
            Instant createdAt) {}

    public record AuditResponse(
            long id,
            long campaignId,
            String subject,
            String oldValue,
            String newValue,
            String changedBy,
            Instant changedAt) {}

    @Operation(summary = "The effective rules and thresholds of a campaign (0 = global defaults)")
    @GetMapping
    public RuleBookResponse get(Caller caller, @RequestParam(defaultValue = "0") long campaignId) {
        caller.requireStaff(Role.OPS);
        return response(rules.effective(campaignId));
    }

    @Operation(summary = "Change one rule for a campaign (enabled, weight, threshold, params); audited")
    @PutMapping("/{ruleId}")
    public RuleResponse change(
            Caller caller,
            @PathVariable String ruleId,
            @RequestParam(defaultValue = "0") long campaignId,
            @Valid @RequestBody RuleChangeRequest request) {
        caller.requireStaff(Role.OPS);
        RuleId id = ChangingRules.ruleId(ruleId);
        return response(rules.changeRule(
                campaignId,
                id,
                new ChangingRules.RuleChange(
                        request.enabled(), request.weight(), request.threshold(), request.params()),
                caller.id()));
    }

    @Operation(summary = "Change the score → decision thresholds of a campaign; audited")
    @PutMapping("/decision-thresholds")
    public RuleBookResponse thresholds(
            Caller caller,
            @RequestParam(defaultValue = "0") long campaignId,
            @Valid @RequestBody ThresholdsRequest request) {
        caller.requireStaff(Role.OPS);
        rules.changeThresholds(campaignId, new DecisionThresholds(request.reviewAt(), request.rejectAt()), caller.id());
        return response(rules.effective(campaignId));
    }

    @Operation(summary = "The audit trail of rule, threshold and list changes (newest first)")
    @GetMapping("/audit")
    public List<AuditResponse> audit(
            Caller caller,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(defaultValue = "100") int limit) {
        caller.requireStaff(Role.OPS);
        return rules.audit(campaignId, limit).stream()
                .map(RuleAdminController::response)
                .toList();
    }

    @Operation(summary = "Active black- and whitelist entries")
    @GetMapping("/lists")
    public List<ListEntryResponse> lists(Caller caller) {
        caller.requireStaff(Role.OPS);
        return rules.lists().stream().map(RuleAdminController::response).toList();
    }

    @Operation(
            summary = "Add a black- or whitelist entry (user, device, IP, CIDR, phone hash), optional expiry; "
                    + "audited; optional Idempotency-Key")
    @PostMapping("/lists")
    @ResponseStatus(HttpStatus.CREATED)
    public ListEntryResponse addListEntry(
            Caller caller,
            @Valid @RequestBody ListEntryRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        caller.requireStaff(Role.OPS);
        return rules.addListEntry(
                request.list(),
                request.type(),
                request.value(),
                request.reason(),
                request.expiresAt(),
                caller.id(),
                new IdempotentRequests.Answer<>(
                        idempotency.key("risk-list:" + caller.id(), key, request),
                        ListEntryResponse.class,
                        RuleAdminController::response));
    }

    @Operation(summary = "Remove a list entry; audited")
    @DeleteMapping("/lists/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeListEntry(Caller caller, @PathVariable long id) {
        caller.requireStaff(Role.OPS);
        rules.removeListEntry(id, caller.id());
    }

    private static RuleBookResponse response(RuleBook book) {
        return new RuleBookResponse(
                book.campaignId(),
                book.thresholds().reviewAt(),
                book.thresholds().rejectAt(),
                Arrays.stream(RuleId.values())
                        .map(id -> response(book.setting(id)))
                        .toList());
    }

    private static RuleResponse response(RuleSetting s) {
        return new RuleResponse(
                s.ruleId().name(), s.ruleId().description(), s.enabled(), s.weight(), s.threshold(), s.params());
    }

    private static ListEntryResponse response(RiskList e) {
        return new ListEntryResponse(
                e.id(),
                e.kind().name(),
                e.subjectType().name(),
                e.value(),
                e.reason(),
                e.expiresAt(),
                e.createdBy(),
                e.createdAt());
    }

    private static AuditResponse response(RuleSettings.ConfigChange c) {
        return new AuditResponse(
                c.id(), c.campaignId(), c.subject(), c.oldValue(), c.newValue(), c.changedBy(), c.changedAt());
    }
}
