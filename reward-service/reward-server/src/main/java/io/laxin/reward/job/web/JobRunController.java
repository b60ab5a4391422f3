package io.laxin.reward.job.web;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.job.JobRun;
import io.laxin.kernel.job.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** reward-service's long-job runs as the console follows them: a thin view over the kernel's {@link Jobs}. */
@Tag(name = "Jobs")
@RestController
public class JobRunController {

    private final Jobs runs;

    public JobRunController(Jobs runs) {
        this.runs = runs;
    }

    @Operation(
            summary = "A long job's run and progress (release, settlement, export)",
            description = "percent is null while the total is unknown; summary is set once the run ends. A run "
                    + "whose process stopped without ending it is FAILED once its lease has passed.")
    @GetMapping("/api/v1/admin/rewards/jobs/{runId}")
    public JobRunResponse run(Caller caller, @PathVariable long runId) {
        caller.requireStaffOrService(Role.OPS, Role.FINANCE);
        return runs.byId(runId).map(JobRunResponse::of).orElseThrow(() -> LaxinException.notFound("job run " + runId));
    }

    @Operation(summary = "The latest runs of one job, newest first")
    @GetMapping("/api/v1/admin/rewards/jobs")
    public List<JobRunResponse> recent(
            Caller caller, @RequestParam String job, @RequestParam(defaultValue = "20") int limit) {
        caller.requireStaffOrService(Role.OPS, Role.FINANCE);
        return runs.recent(job, Math.max(1, Math.min(limit, 100))).stream()
                .map(JobRunResponse::of)
                .toList();
    }

    /** A run as the API shows it. */
    public record JobRunResponse(
            long id,
            String job,
            String subject,
            String status,
            long total,
            long done,
            Integer percent,
            String summary,
            String startedBy,
            java.time.Instant startedAt,
            java.time.Instant updatedAt,
            java.time.Instant finishedAt) {
        static JobRunResponse of(JobRun r) {
            return new JobRunResponse(
                    r.id(),
                    r.job(),
                    r.subject(),
                    r.status().name(),
                    r.total(),
                    r.done(),
                    r.percent(),
                    r.summary(),
                    r.startedBy(),
                    r.startedAt(),
                    r.updatedAt(),
                    r.finishedAt());
        }
    }
}
