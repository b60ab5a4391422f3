package io.laxin.poster.template.application;

import io.laxin.poster.template.domain.Layout;

/**
 * Store a template: a new one when {@code templateId} is null, else the next version of that template.
 *
 * @param background the background image bytes; for a new version, null keeps the latest version's background
 * @param logo       the QR centre logo bytes, or null
 */
public record SaveTemplateCommand(
        Long templateId, String name, byte[] background, byte[] logo, Layout layout, String by) {}
