package io.laxin.poster.render.application;

import io.laxin.poster.template.ImageFixtures;
import io.laxin.poster.template.domain.ImageFormat;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.TemplateDraft;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import io.laxin.poster.template.domain.VersionLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stored template in memory whose versions differ by where the QR code sits, counting what is read: the latest
 * version's number, a layout alone, or a whole version with its background.
 */
final class CountingTemplates implements Templates {

    static final long TEMPLATE_ID = 7;

    private final List<Integer> qrXs = new ArrayList<>(List.of(40));
    int latestReads;
    int layoutReads;
    int wholeReads;

    /** Publishes the next version, its QR code at {@code qrX}. */
    void publish(int qrX) {
        qrXs.add(qrX);
    }

    static Layout layout(int qrX) {
        return new Layout(
                new Layout.QrBox(qrX, 40, 240, 2, Layout.ErrorCorrection.M, null, null, null, null, null),
                null,
                null,
                null);
    }

    @Override
    public Optional<Integer> latestVersion(long templateId) {
        latestReads++;
        return templateId == TEMPLATE_ID ? Optional.of(qrXs.size()) : Optional.empty();
    }

    @Override
    public Optional<VersionLayout> findLayout(long templateId, int version) {
        layoutReads++;
        return exists(templateId, version)
                ? Optional.of(new VersionLayout(templateId, version, layout(qrXs.get(version - 1))))
                : Optional.empty();
    }

    @Override
    public Optional<TemplateVersion> find(long templateId, Integer version) {
        wholeReads++;
        int v = version == null ? qrXs.size() : version;
        return exists(templateId, v)
                ? Optional.of(new TemplateVersion(
                        templateId,
                        v,
                        "Double 11",
                        layout(qrXs.get(v - 1)),
                        ImageFixtures.png(320, 320),
                        ImageFormat.PNG,
                        "sha",
                        320,
                        320,
                        null,
                        "ops-1",
                        Instant.EPOCH))
                : Optional.empty();
    }

    private boolean exists(long templateId, int version) {
        return templateId == TEMPLATE_ID && version >= 1 && version <= qrXs.size();
    }

    @Override
    public TemplateVersion create(String name, TemplateDraft draft, String createdBy, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TemplateVersion> addVersion(long templateId, TemplateDraft draft, String createdBy, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TemplateSummary> list() {
        throw new UnsupportedOperationException();
    }
}
