package io.laxin.poster.pregen.web;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.pregen.application.Pregenerating;
import io.laxin.poster.pregen.application.StartPregenCommand;
import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.render.domain.PosterFormat;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bulk pre-generation of posters, for operators (staff with role OPS). */
@RestController
@RequestMapping(PregenJobController.PATH)
public class PregenJobController {

    public static final String PATH = "/api/v1/admin/posters/jobs";

    private final Pregenerating pregenerating;
    private final IdempotentRequests idempotency;

    public PregenJobController(Pregenerating pregenerating, IdempotentRequests idempotency) {
        this.pregenerating = pregenerating;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Pre-generate posters for a campaign's top referrers",
            description = "For the users named in users, and/or the campaign's top N referrers (top: N, ranked by "
                    + "invite-service when the job starts), at most 1000 in all. Stores the job and answers 202 at "
                    + "once; GET the job for progress (done/failed of total). Send an Idempotency-Key to retry "
                    + "safely: a replay answers the same job.")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public PregenJobResponse start(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody PregenJobRequest request) {
        caller.requireStaff(Role.OPS);
        StartPregenCommand command = command(request, caller);
        return pregenerating.start(
                command,
                new IdempotentRequests.Answer<>(
                        idempotency.key("poster.job.create:" + caller.id(), key, request),
                        PregenJobResponse.class,
                        PregenJobResponse::of));
    }

    @Operation(summary = "The newest pre-generation jobs with their progress, newest first")
    @GetMapping
    public List<PregenJobResponse> recent(
            Caller caller, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "20") int limit) {
        caller.requireStaff(Role.OPS);
        return pregenerating.recent(limit).stream().map(PregenJobResponse::of).toList();
    }

    @Operation(summary = "A pre-generation job's progress")
    @GetMapping("/{jobId}")
    public PregenJobResponse get(Caller caller, @PathVariable long jobId) {
        caller.requireStaff(Role.OPS);
        return PregenJobResponse.of(pregenerating.find(jobId));
    }

    private static StartPregenCommand command(PregenJobRequest request, Caller caller) {
        if (request.campaignId() == null || request.templateId() == null) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "campaignId and templateId are required");
        }
        String format = request.format() == null ? "jpeg" : request.format();
        PosterFormat f = PosterFormat.named(format)
                .orElseThrow(() -> new LaxinException(
                        PosterErrorCode.POSTER_FORMAT_UNSUPPORTED, "format must be jpeg or png, not '" + format + "'"));
        List<PregenItem> items = new ArrayList<>();
        if (request.users() != null) {
            int seq = 0;
            for (PregenJobRequest.User u : request.users()) {
                try {
                    items.add(new PregenItem(
                            seq++,
                            u == null ? null : u.userId(),
                            u == null ? null : u.nickname(),
                            u == null ? null : u.avatarUrl()));
                } catch (IllegalArgumentException e) {
                    throw new LaxinException(
                            CommonErrorCode.VALIDATION_FAILED, "users[" + (seq - 1) + "]: " + e.getMessage());
                }
            }
        }
        return new StartPregenCommand(
                request.campaignId(),
                request.templateId(),
                request.templateVersion(),
                f,
                items,
                request.top(),
                caller.id());
    }
}
