package io.laxin.invite.referral.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

import java.util.List;
import java.util.Map;

@Mapper
public interface ReferralMapper extends BaseMapper<ReferralDO> {

    default ReferralDO selectByInvitee(long campaignId, String inviteeUserId) {
        return selectOne(new LambdaQueryWrapper<ReferralDO>()
                .eq(ReferralDO::getCampaignId, campaignId).eq(ReferralDO::getInviteeUserId, inviteeUserId));
    }

    default List<Map<String, Object>> countByStatus(long campaignId) {
        return selectMaps(new QueryWrapper<ReferralDO>().select("status", "COUNT(*) AS n")
                .eq("campaign_id", campaignId).groupBy("status"));
    }
}
