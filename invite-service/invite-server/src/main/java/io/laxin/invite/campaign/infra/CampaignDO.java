package io.laxin.invite.campaign.infra;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code campaign}. Times are UTC. */
@TableName("campaign")
public class CampaignDO {

    @TableId(type = IdType.AUTO)
    private Long id;

    private String name;
    private String status;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private Integer attributionWindowDays;
    private String bindingMode;
    private Boolean legacyDeviceIds;

    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String landingUrl;

    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String miniProgramPage;

    private String referrers;
    private String referrerRewardKind;
    private Long referrerRewardAmount;
    private String inviteeRewardKind;
    private Long inviteeRewardAmount;
    private Integer holdDays;
    private Integer policyVersion;
    private String createdBy;
    private LocalDateTime createdAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public Integer getAttributionWindowDays() {
        return attributionWindowDays;
    }

    public void setAttributionWindowDays(Integer v) {
        this.attributionWindowDays = v;
    }

    public String getBindingMode() {
        return bindingMode;
    }

    public Boolean getLegacyDeviceIds() {
        return legacyDeviceIds;
    }

    public void setLegacyDeviceIds(Boolean legacyDeviceIds) {
        this.legacyDeviceIds = legacyDeviceIds;
    }

    public void setBindingMode(String bindingMode) {
        this.bindingMode = bindingMode;
    }

    public String getLandingUrl() {
        return landingUrl;
    }

    public void setLandingUrl(String landingUrl) {
        this.landingUrl = landingUrl;
    }

    public String getMiniProgramPage() {
        return miniProgramPage;
    }

    public void setMiniProgramPage(String miniProgramPage) {
        this.miniProgramPage = miniProgramPage;
    }

    public String getReferrers() {
        return referrers;
    }

    public void setReferrers(String referrers) {
        this.referrers = referrers;
    }

    public String getReferrerRewardKind() {
        return referrerRewardKind;
    }

    public void setReferrerRewardKind(String v) {
        this.referrerRewardKind = v;
    }

    public Long getReferrerRewardAmount() {
        return referrerRewardAmount;
    }

    public void setReferrerRewardAmount(Long v) {
        this.referrerRewardAmount = v;
    }

    public String getInviteeRewardKind() {
        return inviteeRewardKind;
    }

    public void setInviteeRewardKind(String v) {
        this.inviteeRewardKind = v;
    }

    public Long getInviteeRewardAmount() {
        return inviteeRewardAmount;
    }

    public void setInviteeRewardAmount(Long v) {
        this.inviteeRewardAmount = v;
    }

    public Integer getHoldDays() {
        return holdDays;
    }

    public void setHoldDays(Integer holdDays) {
        this.holdDays = holdDays;
    }

    public Integer getPolicyVersion() {
        return policyVersion;
    }

    public void setPolicyVersion(Integer policyVersion) {
        this.policyVersion = policyVersion;
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
