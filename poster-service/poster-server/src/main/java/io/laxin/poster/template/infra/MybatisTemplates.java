package io.laxin.poster.template.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.laxin.poster.template.domain.ImageFormat;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.TemplateDraft;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import io.laxin.poster.template.domain.VersionLayout;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Templates in MySQL: a {@code poster_template} row per template and a {@code poster_template_version} row per version. */
@Component
class MybatisTemplates implements Templates {

    private final TemplateMapper templates;
    private final TemplateVersionMapper versions;
    private final JsonMapper json;

    MybatisTemplates(TemplateMapper templates, TemplateVersionMapper versions, JsonMapper json) {
        this.templates = templates;
        this.versions = versions;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TemplateVersion create(String name, TemplateDraft draft, String createdBy, Instant at) {
        TemplateDO row = new TemplateDO();
        row.setName(name);
        row.setLatestVersion(1);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(utc(at));
        row.setUpdatedAt(utc(at));
        templates.insert(row);
        TemplateVersionDO version = versionRow(row.getId(), 1, draft, createdBy, at);
        versions.insert(version);
        return toDomain(version, name);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<TemplateVersion> addVersion(long templateId, TemplateDraft draft, String createdBy, Instant at) {
        TemplateDO row = templates.lockById(templateId);
        if (row == null) {
            return Optional.empty();
        }
        int next = row.getLatestVersion() + 1;
        TemplateVersionDO version = versionRow(templateId, next, draft, createdBy, at);
        versions.insert(version);
        row.setLatestVersion(next);
        row.setUpdatedAt(utc(at));
        templates.updateById(row);
        return Optional.of(toDomain(version, row.getName()));
    }

    @Override
    public Optional<TemplateVersion> find(long templateId, Integer version) {
        TemplateDO row = templates.selectById(templateId);
        if (row == null) {
            return Optional.empty();
        }
        TemplateVersionDO v = versions.findVersion(templateId, version == null ? row.getLatestVersion() : version);
        return Optional.ofNullable(v).map(x -> toDomain(x, row.getName()));
    }

    @Override
    public Optional<Integer> latestVersion(long templateId) {
        return Optional.ofNullable(templates.selectById(templateId)).map(TemplateDO::getLatestVersion);
    }

    @Override
    public Optional<VersionLayout> findLayout(long templateId, int version) {
        return Optional.ofNullable(versions.findLayout(templateId, version))
                .map(v -> new VersionLayout(v.getTemplateId(), v.getVersion(), layout(v)));
    }

    @Override
    public List<TemplateSummary> list() {
        return templates.selectList(new LambdaQueryWrapper<TemplateDO>().orderByDesc(TemplateDO::getId)).stream()
                .map(t -> new TemplateSummary(
                        t.getId(),
                        t.getName(),
                        t.getLatestVersion(),
                        t.getUpdatedAt().toInstant(ZoneOffset.UTC)))
                .toList();
    }

    private TemplateVersionDO versionRow(
            long templateId, int version, TemplateDraft draft, String createdBy, Instant at) {
        TemplateVersionDO v = new TemplateVersionDO();
        v.setTemplateId(templateId);
        v.setVersion(version);
        v.setLayout(json.writeValueAsString(draft.layout()));
        v.setBackground(draft.background().bytes());
        v.setBackgroundFormat(draft.background().format().name());
        v.setBackgroundSha256(draft.background().sha256());
        v.setWidth(draft.background().width());
        v.setHeight(draft.background().height());
        v.setLogo(draft.logo() == null ? null : draft.logo().bytes());
        v.setCreatedBy(createdBy);
        v.setCreatedAt(utc(at));
        return v;
    }

    private TemplateVersion toDomain(TemplateVersionDO v, String name) {
        return new TemplateVersion(
                v.getTemplateId(),
                v.getVersion(),
                name,
                layout(v),
                v.getBackground(),
                ImageFormat.valueOf(v.getBackgroundFormat()),
                v.getBackgroundSha256(),
                v.getWidth(),
                v.getHeight(),
                v.getLogo(),
                v.getCreatedBy(),
                v.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    private Layout layout(TemplateVersionDO v) {
        return json.readValue(v.getLayout(), Layout.class);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
