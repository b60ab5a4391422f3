package io.laxin.reward.report.web;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.report.application.ExportingRewardReport;
import io.laxin.reward.report.application.ReadingRewardReport;
import io.laxin.reward.report.application.Reconciling;
import io.laxin.reward.report.domain.ReportFormat;
import io.laxin.reward.report.domain.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance reports (JSON, CSV, XLSX) and the reconciliation of ledger, rewards and payouts; FINANCE and ADMIN. */
@Tag(name = "Reports")
@RestController
public class ReportController {

    private static final String REPORT = "/api/v1/admin/reports/rewards";
    private static final String PERIOD_DOC = "from and to: a UTC date (2026-11-01, i.e. its midnight) or an instant; "
            + "the period is [from, to), at most 366 days; campaignId optional (all campaigns when absent).";

    private final ReadingRewardReport reading;
    private final ExportingRewardReport exporting;
    private final Reconciling reconciling;

    public ReportController(ReadingRewardReport reading, ExportingRewardReport exporting, Reconciling reconciling) {
        this.reading = reading;
        this.exporting = exporting;
        this.reconciling = reconciling;
    }

    @Operation(
            summary = "The finance report of a period (FINANCE, ADMIN)",
            description = PERIOD_DOC
                    + " Issued, released, revoked, clawed back and paid rewards by kind; budget; cost per acquired user; "
                    + "top referrers; refused and revoked by reason.")
    @GetMapping(REPORT)
    public RewardReportResponse report(
            Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long campaignId) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return RewardReportResponse.of(reading.report(period(from, to, campaignId)));
    }

    @Operation(
            summary = "The finance report as CSV (FINANCE, ADMIN)",
            description = PERIOD_DOC + " UTF-8 with BOM; one block per table. Recorded as a job run 'report-export'.")
    @GetMapping(REPORT + ".csv")
    public ResponseEntity<byte[]> csv(
            Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long campaignId) {
        return export(caller, from, to, campaignId, ReportFormat.CSV);
    }

    @Operation(
            summary = "The finance report as XLSX (FINANCE, ADMIN)",
            description = PERIOD_DOC
                    + " One sheet per table; numbers are numeric cells, yuan with 2 decimals. Recorded as a job run "
                    + "'report-export'.")
    @GetMapping(REPORT + ".xlsx")
    public ResponseEntity<byte[]> xlsx(
            Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long campaignId) {
        return export(caller, from, to, campaignId, ReportFormat.XLSX);
    }

    @Operation(
            summary = "Reconcile ledger, rewards and payouts (FINANCE, ADMIN)",
            description =
                    "ok only when every check is: ledger-balanced (per unit and per posting), rewards-posted "
                            + "(postings and CAMPAIGN_EXPENSE match each reward), payouts-match (each line of a PAID "
                            + "settlement batch equals its user's PAID rewards). Each run is a job run 'reconciliation'; runId names it.")
    @GetMapping("/api/v1/admin/reports/reconciliation")
    public ReconciliationResponse reconciliation(
            Caller caller,
            @Parameter(description = "one campaign; all when absent") @RequestParam(required = false) Long campaignId) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return ReconciliationResponse.of(reconciling.reconcile(campaignId, caller.id()));
    }

    private ResponseEntity<byte[]> export(Caller caller, String from, String to, Long campaignId, ReportFormat format) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        ExportingRewardReport.Export e = exporting.export(period(from, to, campaignId), format, caller.id());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(e.filename())
                                .build()
                                .toString())
                .header("X-Job-Run-Id", Long.toString(e.runId()))
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .body(e.body());
    }

    private static ReportPeriod period(String from, String to, Long campaignId) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        ReportPeriod.Problem problem = ReportPeriod.problemWith(start, end).orElse(null);
        if (problem == ReportPeriod.Problem.EMPTY) {
            throw new LaxinException(
                    RewardErrorCode.REPORT_PERIOD_EMPTY, "from (" + from + ") must be before to (" + to + ")");
        }
        if (problem == ReportPeriod.Problem.TOO_LONG) {
            throw new LaxinException(
                    RewardErrorCode.REPORT_PERIOD_TOO_LONG,
                    "from " + from + " to " + to + " is longer than 366 days; ask for several periods");
        }
        return new ReportPeriod(start, end, campaignId);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new LaxinException(RewardErrorCode.REPORT_DATE_INVALID, name + " is required");
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new LaxinException(
                    RewardErrorCode.REPORT_DATE_INVALID,
                    name + " '" + value + "' is neither a date (2026-11-01) nor an instant (2026-11-01T08:00:00Z)");
        }
    }
}
