package io.laxin.poster.template.web;

import io.laxin.poster.template.domain.Layout;

/**
 * A template (or a new version of one) as operators send it.
 *
 * @param name       the template's name (new templates only)
 * @param background the background image, PNG or JPEG, base64; optional for a new version (keeps the latest one's)
 * @param logo       a QR centre logo, PNG or JPEG, base64, or null
 * @param layout     where everything goes, in background pixels
 */
public record TemplateRequest(String name, String background, String logo, Layout layout) {
}
