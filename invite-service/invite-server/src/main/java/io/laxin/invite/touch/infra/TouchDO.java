package io.laxin.invite.touch.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/** Row of {@code touch}. */
@TableName("touch")
public class TouchDO {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long campaignId;
    private String code;
    private String channel;
    private String ip;
    private String userAgent;
    private String deviceId;
    private LocalDateTime touchedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public LocalDateTime getTouchedAt() { return touchedAt; }
    public void setTouchedAt(LocalDateTime touchedAt) { this.touchedAt = touchedAt; }
}
