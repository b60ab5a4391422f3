package io.laxin.poster.template.domain;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: stored poster templates and their versions. */
public interface Templates {

    /** Stores a new template whose version 1 is {@code draft}. */
    TemplateVersion create(String name, TemplateDraft draft, String createdBy, Instant at);

    /** Stores {@code draft} as the next version of the template; empty when there is no such template. */
    Optional<TemplateVersion> addVersion(long templateId, TemplateDraft draft, String createdBy, Instant at);

    /** A version of a template, the latest when {@code version} is null. */
    Optional<TemplateVersion> find(long templateId, Integer version);

    /** The version (the latest when {@code version} is null), or TEMPLATE_NOT_FOUND. */
    default TemplateVersion require(long templateId, Integer version) {
        return find(templateId, version)
                .orElseThrow(() -> new LaxinException(
                        PosterErrorCode.TEMPLATE_NOT_FOUND,
                        "No template " + templateId + (version == null ? "" : " version " + version)));
    }

    /** The number of a template's latest version, reading no version row; empty when there is no such template. */
    Optional<Integer> latestVersion(long templateId);

    /** A version's layout without reading its images; empty when there is no such version. */
    Optional<VersionLayout> findLayout(long templateId, int version);

    /** Every template, newest first, each as its latest version. */
    List<TemplateSummary> list();

    /** A template as listed: its name and latest version. */
    record TemplateSummary(long templateId, String name, int latestVersion, Instant updatedAt) {}
}
