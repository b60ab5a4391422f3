package io.laxin.invite.touch.infra;

import io.laxin.invite.shared.UtcTimes;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.invite.touch.domain.Touches;
import org.springframework.stereotype.Repository;

@Repository
class MybatisTouches implements Touches {

    private static final int UA_MAX = 255;

    private final TouchMapper mapper;

    MybatisTouches(TouchMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void record(Touch t) {
        TouchDO row = new TouchDO();
        row.setCampaignId(t.campaignId());
        row.setCode(t.code());
        row.setChannel(t.channel().tag());
        row.setIp(t.ip());
        row.setUserAgent(t.userAgent() == null || t.userAgent().length() <= UA_MAX ? t.userAgent()
                : t.userAgent().substring(0, UA_MAX));
        row.setDeviceId(t.deviceId());
        row.setTouchedAt(UtcTimes.toRow(t.touchedAt()));
        mapper.insert(row);
    }

    @Override
    public long countByCampaign(long campaignId) {
        return mapper.countByCampaign(campaignId);
    }
}
