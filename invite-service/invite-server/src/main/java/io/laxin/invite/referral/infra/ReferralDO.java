package io.laxin.invite.referral.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code referral}: unique (campaign_id, invitee_user_id). */
@TableName("referral")
public class ReferralDO {

    @TableId(type = IdType.AUTO)
    private Long id;

    private Long campaignId;
    private String referrerUserId;
    private String inviteeUserId;
    private String inviteCode;
    private String channel;
    private String status;
    private String reasons;
    private String screeningId;
    private Integer policyVersion;
    private String inviteeDeviceId;
    private String ip;
    private LocalDateTime registeredAt;
    private LocalDateTime decidedAt;
    private LocalDateTime firstOrderAt;
    private String firstOrderId;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getReferrerUserId() {
        return referrerUserId;
    }

    public void setReferrerUserId(String v) {
        this.referrerUserId = v;
    }

    public String getInviteeUserId() {
        return inviteeUserId;
    }

    public void setInviteeUserId(String v) {
        this.inviteeUserId = v;
    }

    public String getInviteCode() {
        return inviteCode;
    }

    public void setInviteCode(String inviteCode) {
        this.inviteCode = inviteCode;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public String getScreeningId() {
        return screeningId;
    }

    public void setScreeningId(String screeningId) {
        this.screeningId = screeningId;
    }

    public Integer getPolicyVersion() {
        return policyVersion;
    }

    public void setPolicyVersion(Integer policyVersion) {
        this.policyVersion = policyVersion;
    }

    public String getInviteeDeviceId() {
        return inviteeDeviceId;
    }

    public void setInviteeDeviceId(String v) {
        this.inviteeDeviceId = v;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public LocalDateTime getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(LocalDateTime v) {
        this.registeredAt = v;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(LocalDateTime decidedAt) {
        this.decidedAt = decidedAt;
    }

    public LocalDateTime getFirstOrderAt() {
        return firstOrderAt;
    }

    public void setFirstOrderAt(LocalDateTime firstOrderAt) {
        this.firstOrderAt = firstOrderAt;
    }

    public String getFirstOrderId() {
        return firstOrderId;
    }

    public void setFirstOrderId(String firstOrderId) {
        this.firstOrderId = firstOrderId;
    }
}
