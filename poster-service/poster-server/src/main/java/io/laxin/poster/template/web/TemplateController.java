package io.laxin.poster.template.web;

import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.poster.template.application.SavingTemplate;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import io.swagger.v3.oas.annotations.Operation;
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

/** Poster templates, for operators (staff with role OPS). */
@RestController
@RequestMapping(TemplateController.PATH)
public class TemplateController {

    public static final String PATH = "/api/v1/admin/posters/templates";

    private final SavingTemplate saving;
    private final Templates templates;
    private final IdempotentRequests idempotency;

    public TemplateController(SavingTemplate saving, Templates templates, IdempotentRequests idempotency) {
        this.saving = saving;
        this.templates = templates;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Create a poster template (version 1)",
            description = "background (PNG or JPEG, base64) is checked for its byte size, its type and its pixel "
                    + "size (from the header, before decoding), then every layout value is checked against the "
                    + "background. A refusal stores nothing. Send an Idempotency-Key to retry safely.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TemplateResponse create(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody TemplateRequest request) {
        caller.requireStaff(Role.OPS);
        return saving.handle(
                request.command(null, caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key("poster.template.create:" + caller.id(), key, request),
                        TemplateResponse.class,
                        TemplateResponse::of));
    }

    @Operation(
            summary = "Change a template: store the next version",
            description = "Same body as create; background may be left out to keep the latest version's. Older "
                    + "versions stay and can still be rendered (templateVersion).")
    @PostMapping("/{templateId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    public TemplateResponse addVersion(
            Caller caller,
            @PathVariable long templateId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody TemplateRequest request) {
        caller.requireStaff(Role.OPS);
        return saving.handle(
                request.command(templateId, caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key("poster.template.version:" + caller.id() + ":" + templateId, key, request),
                        TemplateResponse.class,
                        TemplateResponse::of));
    }

    @Operation(summary = "List templates (latest version of each)")
    @GetMapping
    public List<Templates.TemplateSummary> list(Caller caller) {
        caller.requireStaff(Role.OPS);
        return templates.list();
    }

    @Operation(summary = "Read a template version (the latest unless version is given)")
    @GetMapping("/{templateId}")
    public TemplateResponse get(
            Caller caller, @PathVariable long templateId, @RequestParam(required = false) Integer version) {
        caller.requireStaff(Role.OPS);
        return TemplateResponse.of(templates.require(templateId, version));
    }

    @Operation(summary = "A template version's background image, as uploaded (for the console's layout editor)")
    @GetMapping("/{templateId}/background")
    public ResponseEntity<byte[]> background(
            Caller caller, @PathVariable long templateId, @RequestParam(required = false) Integer version) {
        caller.requireStaff(Role.OPS);
        TemplateVersion v = templates.require(templateId, version);
        // a version never changes: its background may be cached for good under its versioned URL
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("image/" + v.backgroundFormat().imageIoName()))
                .header(HttpHeaders.CACHE_CONTROL, version == null ? "private, no-cache" : "private, max-age=31536000")
                .body(v.background());
    }
}
