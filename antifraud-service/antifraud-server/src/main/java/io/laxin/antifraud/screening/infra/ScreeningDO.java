package io.laxin.antifraud.screening.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** Row of {@code screening}: one decision with the inputs it was made on (JSON). */
@TableName("screening")
public class ScreeningDO {

    @TableId(type = IdType.INPUT)
    private String id;

    private Long campaignId;
    private String referrerUserId;
    private String inviteeUserId;
    private String verdict;
    private Integer score;
    private String reasons;
    private String inputs;
    private LocalDateTime decidedAt;
    private String inviteeDeviceId;
    private String ip;
    private String subnet24;
    private LocalDateTime registeredAt;
    private String inviteePhoneHash;
    private String inviteeOpenid;
    private String inviteeUnionid;
    private LocalDateTime inviteeOpenidFirstSeenAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
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

    public void setReferrerUserId(String referrerUserId) {
        this.referrerUserId = referrerUserId;
    }

    public String getInviteeUserId() {
        return inviteeUserId;
    }

    public void setInviteeUserId(String inviteeUserId) {
        this.inviteeUserId = inviteeUserId;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public String getInputs() {
        return inputs;
    }

    public void setInputs(String inputs) {
        this.inputs = inputs;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(LocalDateTime decidedAt) {
        this.decidedAt = decidedAt;
    }

    public String getInviteeDeviceId() {
        return inviteeDeviceId;
    }

    public void setInviteeDeviceId(String inviteeDeviceId) {
        this.inviteeDeviceId = inviteeDeviceId;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public String getSubnet24() {
        return subnet24;
    }

    public void setSubnet24(String subnet24) {
        this.subnet24 = subnet24;
    }

    public LocalDateTime getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(LocalDateTime registeredAt) {
        this.registeredAt = registeredAt;
    }

    public String getInviteePhoneHash() {
        return inviteePhoneHash;
    }

    public void setInviteePhoneHash(String inviteePhoneHash) {
        this.inviteePhoneHash = inviteePhoneHash;
    }

    public String getInviteeOpenid() {
        return inviteeOpenid;
    }

    public void setInviteeOpenid(String inviteeOpenid) {
        this.inviteeOpenid = inviteeOpenid;
    }

    public String getInviteeUnionid() {
        return inviteeUnionid;
    }

    public void setInviteeUnionid(String inviteeUnionid) {
        this.inviteeUnionid = inviteeUnionid;
    }

    public LocalDateTime getInviteeOpenidFirstSeenAt() {
        return inviteeOpenidFirstSeenAt;
    }

    public void setInviteeOpenidFirstSeenAt(LocalDateTime inviteeOpenidFirstSeenAt) {
        this.inviteeOpenidFirstSeenAt = inviteeOpenidFirstSeenAt;
    }
}
