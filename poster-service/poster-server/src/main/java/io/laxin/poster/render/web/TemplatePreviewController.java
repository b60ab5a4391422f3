package io.laxin.poster.render.web;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.application.PreviewingTemplate;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.template.application.SavingTemplate;
import io.laxin.poster.template.domain.Templates;
import io.laxin.poster.template.web.TemplateController;
import io.laxin.poster.template.web.TemplateRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Previews of a template, stored or not, drawn with a sample user (staff with role OPS). Rendering is this feature's;
 * the template feature only stores and checks templates, so it does not depend on rendering.
 */
@RestController
@RequestMapping(TemplateController.PATH)
public class TemplatePreviewController {

    private final SavingTemplate saving;
    private final Templates templates;
    private final PreviewingTemplate previewing;

    public TemplatePreviewController(SavingTemplate saving, Templates templates, PreviewingTemplate previewing) {
        this.saving = saving;
        this.templates = templates;
        this.previewing = previewing;
    }

    @Operation(summary = "Preview a stored template version with a sample user")
    @GetMapping("/{templateId}/preview")
    public ResponseEntity<byte[]> preview(
            Caller caller,
            @PathVariable long templateId,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "png") String format) {
        caller.requireStaff(Role.OPS);
        PosterFormat f = format(format);
        return image(previewing.preview(templates.require(templateId, version), f), f);
    }

    @Operation(summary = "Preview a template before storing it (nothing is stored)")
    @PostMapping("/preview")
    public ResponseEntity<byte[]> previewDraft(
            Caller caller, @RequestParam(defaultValue = "png") String format, @RequestBody TemplateRequest request) {
        caller.requireStaff(Role.OPS);
        PosterFormat f = format(format);
        return image(previewing.preview(saving.check(request.command(null, caller.id())), f), f);
    }

    private static ResponseEntity<byte[]> image(byte[] bytes, PosterFormat format) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    private static PosterFormat format(String format) {
        return PosterFormat.named(format)
                .orElseThrow(() -> new LaxinException(
                        PosterErrorCode.POSTER_FORMAT_UNSUPPORTED, "format must be jpeg or png, not '" + format + "'"));
    }
}
