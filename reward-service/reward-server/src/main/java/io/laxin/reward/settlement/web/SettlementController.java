package io.laxin.reward.settlement.web;

import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.settlement.application.AdvanceSettlementBatchCommand;
import io.laxin.reward.settlement.application.AdvancingSettlementBatch;
import io.laxin.reward.settlement.application.CreateSettlementBatchCommand;
import io.laxin.reward.settlement.application.CreatingSettlementBatch;
import io.laxin.reward.settlement.application.ReadingSettlements;
import io.laxin.reward.settlement.domain.Transition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Finance's settlement endpoints: FINANCE writes (ADMIN holds every role); FINANCE and ADMIN read. */
@Tag(name = "Settlement and payouts (finance)")
@RestController
@RequestMapping("/api/v1/admin/settlements/batches")
public class SettlementController {

    private static final int MAX_PAGE = 500;

    private final CreatingSettlementBatch creating;
    private final AdvancingSettlementBatch advancing;
    private final ReadingSettlements reading;
    private final IdempotentRequests idempotency;

    public SettlementController(
            CreatingSettlementBatch creating,
            AdvancingSettlementBatch advancing,
            ReadingSettlements reading,
            IdempotentRequests idempotency) {
        this.creating = creating;
        this.advancing = advancing;
        this.reading = reading;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Create and collect a settlement batch (FINANCE)",
            description = "Collects the campaign's AVAILABLE cash rewards released before the period's end and in "
                    + "no batch into one line per user (net of negative adjustments). Users whose net is below "
                    + "minPayoutFen are carried over to a later batch. Answers once collected (state DRAFT); "
                    + "progress meanwhile at /api/v1/admin/rewards/jobs/{collection.jobRunId}. Send an "
                    + "Idempotency-Key to retry safely.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SettlementBatchResponse create(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody CreateSettlementBatchRequest r) {
        caller.requireStaff(Role.FINANCE);
        var command = new CreateSettlementBatchCommand(
                r.campaignId(), r.day(), r.from(), r.to(), r.minPayoutFen(), caller.id());
        var batch = creating.handle(command, idempotency.key("settlement.create:" + caller.id(), key, command));
        return SettlementBatchResponse.of(reading.overview(batch));
    }

    @Operation(summary = "Batches, newest first, optionally of one campaign (FINANCE, ADMIN)")
    @GetMapping
    public List<SettlementBatchResponse> list(
            Caller caller,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return reading.list(campaignId, Math.max(0, page), clamp(size)).stream()
                .map(SettlementBatchResponse::of)
                .toList();
    }

    @Operation(summary = "A batch with its totals and collection progress (FINANCE, ADMIN)")
    @GetMapping("/{batchId}")
    public SettlementBatchResponse get(Caller caller, @PathVariable long batchId) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return SettlementBatchResponse.of(reading.batch(batchId));
    }

    @Operation(summary = "A page of a batch's statement lines, by line id (FINANCE, ADMIN)")
    @GetMapping("/{batchId}/lines")
    public List<StatementLineResponse> lines(
            Caller caller,
            @PathVariable long batchId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return reading.lines(batchId, Math.max(0, page), clamp(size)).stream()
                .map(StatementLineResponse::of)
                .toList();
    }

    @Operation(summary = "Submit a DRAFT batch for approval (FINANCE)")
    @PostMapping("/{batchId}/submit")
    public SettlementBatchResponse submit(
            Caller caller,
            @PathVariable long batchId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return advance(caller, key, batchId, Transition.SUBMIT, null);
    }

    @Operation(
            summary = "Approve a SUBMITTED batch (FINANCE, not the submitter)",
            description = "Settles its rewards, posts each line PAYABLE_AVAILABLE → PAYABLE_SETTLED and makes the "
                    + "payout file available. The submitter gets 403 SETTLEMENT_SELF_APPROVAL.")
    @PostMapping("/{batchId}/approve")
    public SettlementBatchResponse approve(
            Caller caller,
            @PathVariable long batchId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return advance(caller, key, batchId, Transition.APPROVE, null);
    }

    @Operation(
            summary = "Reject a DRAFT or SUBMITTED batch with a note (FINANCE)",
            description = "Its rewards leave the batch and are collected by the next one.")
    @PostMapping("/{batchId}/reject")
    public SettlementBatchResponse reject(
            Caller caller,
            @PathVariable long batchId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody RejectSettlementBatchRequest r) {
        return advance(caller, key, batchId, Transition.REJECT, r.note());
    }

    @Operation(
            summary = "Confirm an APPROVED batch was paid out (FINANCE)",
            description = "Its rewards become PAID; each line is posted PAYABLE_SETTLED → PAYOUT_CLEARING. A second "
                    + "confirmation answers 409 SETTLEMENT_ILLEGAL_TRANSITION and changes nothing — or, retried "
                    + "with the same Idempotency-Key, the first answer. Every move takes an Idempotency-Key.")
    @PostMapping("/{batchId}/payout-confirmation")
    public SettlementBatchResponse confirmPayout(
            Caller caller,
            @PathVariable long batchId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return advance(caller, key, batchId, Transition.CONFIRM_PAYOUT, null);
    }

    @Operation(
            summary = "The payout file of an APPROVED or PAID batch, as CSV (FINANCE, ADMIN)",
            description = "Header user_id,amount_fen,reference; one row per line; reference LX-<batchId>-<lineId>. "
                    + "The same on every fetch.")
    // no "produces": a refusal must still render as problem+json
    @GetMapping("/{batchId}/payout-file")
    public ResponseEntity<String> payoutFile(Caller caller, @PathVariable long batchId) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"settlement-" + batchId + ".csv\"")
                .body(reading.payoutFile(batchId));
    }

    /** With an Idempotency-Key, a retried move answers as the first one did instead of 409. */
    private SettlementBatchResponse advance(Caller caller, String key, long batchId, Transition move, String note) {
        caller.requireStaff(Role.FINANCE);
        var command = new AdvanceSettlementBatchCommand(batchId, move, caller.id(), note);
        return advancing.handle(
                command,
                new IdempotentRequests.Answer<>(
                        idempotency.key("settlement.move:" + caller.id(), key, command),
                        SettlementBatchResponse.class,
                        batch -> SettlementBatchResponse.of(reading.overview(batch))));
    }

    private static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE));
    }
}
