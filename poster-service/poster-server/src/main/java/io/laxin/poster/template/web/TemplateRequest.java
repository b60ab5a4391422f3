package io.laxin.poster.template.web;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.template.application.SaveTemplateCommand;
import io.laxin.poster.template.domain.Layout;
import java.util.Base64;

/**
 * A template (or a new version of one) as operators send it.
 *
 * @param name       the template's name (new templates only)
 * @param background the background image, PNG or JPEG, base64; optional for a new version (keeps the latest one's)
 * @param logo       a QR centre logo, PNG or JPEG, base64, or null
 * @param layout     where everything goes, in background pixels
 */
public record TemplateRequest(String name, String background, String logo, Layout layout) {

    /** The save command for template {@code templateId} (null: a new template), images decoded. */
    public SaveTemplateCommand command(Long templateId, String actor) {
        return new SaveTemplateCommand(
                templateId, name, base64(background, "background"), base64(logo, "logo"), layout, actor);
    }

    private static byte[] base64(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, field + " is not base64");
        }
    }
}
