package io.laxin.antifraud.analysis.web;

import io.laxin.antifraud.analysis.application.LateAnalysis;
import io.laxin.antifraud.analysis.application.ReportingActivity;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.web.ExternalId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Host activity reports (for zombie detection) and an on-demand run of the late analysis for staff. */
@RestController
public class AnalysisController {

    private final LateAnalysis analysis;
    private final ReportingActivity activity;

    public AnalysisController(LateAnalysis analysis, ReportingActivity activity) {
        this.analysis = analysis;
        this.activity = activity;
    }

    public record ActivityRequest(
            @NotBlank @ExternalId String userId,
            @NotBlank @Size(max = 32) String kind,
            Instant occurredAt,
            Long campaignId) {}

    public record ActivityResponse(boolean recorded) {}

    @Operation(
            summary = "Report a user's activity (host, signed by the gateway)",
            description = "Idempotent on (userId, kind, occurredAt): a repeat answers recorded=false. A key scoped "
                    + "to campaigns must give campaignId (400 VALIDATION_FAILED without: activity without a campaign "
                    + "counts in every campaign) and one of its own (403 CAMPAIGN_OUT_OF_SCOPE).")
    @PostMapping("/api/v1/host/risk/activity")
    public ActivityResponse report(Caller caller, @Valid @RequestBody ActivityRequest request) {
        caller.requireKind(CallerKind.HOST, CallerKind.SERVICE);
        if (request.campaignId() != null) {
            caller.requireCampaign(request.campaignId());
        } else if (caller.campaignScoped()) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED,
                    "campaignId is required: this API key is scoped to campaigns " + caller.campaigns());
        }
        return new ActivityResponse(
                activity.report(request.userId(), request.kind(), request.occurredAt(), request.campaignId()));
    }

    @Operation(
            summary = "Run the late analysis now (staff OPS); answers what it did",
            description = "ran=false when another replica holds the job lease.")
    @PostMapping("/api/v1/admin/risk/analysis/runs")
    public LateAnalysis.Report run(Caller caller) {
        caller.requireStaff(Role.OPS);
        return analysis.runOnce();
    }
}
