package io.laxin.poster.template.infra;

import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code poster_template_version}: key (template_id, version). */
@TableName("poster_template_version")
public class TemplateVersionDO {

    private Long templateId;
    private Integer version;
    private String layout;
    private byte[] background;
    private String backgroundFormat;
    private String backgroundSha256;
    private Integer width;
    private Integer height;
    private byte[] logo;
    private String createdBy;
    private LocalDateTime createdAt;

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout;
    }

    public byte[] getBackground() {
        return background;
    }

    public void setBackground(byte[] background) {
        this.background = background;
    }

    public String getBackgroundFormat() {
        return backgroundFormat;
    }

    public void setBackgroundFormat(String backgroundFormat) {
        this.backgroundFormat = backgroundFormat;
    }

    public String getBackgroundSha256() {
        return backgroundSha256;
    }

    public void setBackgroundSha256(String backgroundSha256) {
        this.backgroundSha256 = backgroundSha256;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public byte[] getLogo() {
        return logo;
    }

    public void setLogo(byte[] logo) {
        this.logo = logo;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }
}
