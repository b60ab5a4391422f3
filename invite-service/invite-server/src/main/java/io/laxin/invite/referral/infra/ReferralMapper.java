package io.laxin.invite.referral.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ReferralMapper extends BaseMapper<ReferralDO> {

    default ReferralDO selectByInvitee(long campaignId, String inviteeUserId) {
        return selectOne(new LambdaQueryWrapper<ReferralDO>()
                .eq(ReferralDO::getCampaignId, campaignId)
                .eq(ReferralDO::getInviteeUserId, inviteeUserId));
    }

    default List<ReferralDO> selectOfReferrer(long campaignId, String referrerUserId, int limit) {
        return selectList(new LambdaQueryWrapper<ReferralDO>()
                .eq(ReferralDO::getCampaignId, campaignId)
                .eq(ReferralDO::getReferrerUserId, referrerUserId)
                .orderByDesc(ReferralDO::getId)
                .last("LIMIT " + limit));
    }

    default List<ReferralDO> selectOfInvitee(String inviteeUserId) {
        return selectList(new LambdaQueryWrapper<ReferralDO>()
                .eq(ReferralDO::getInviteeUserId, inviteeUserId)
                .orderByAsc(ReferralDO::getId));
    }

    default List<ReferralDO> selectRegisteredBetween(
            long campaignId, java.time.LocalDateTime from, java.time.LocalDateTime to) {
        return selectList(new LambdaQueryWrapper<ReferralDO>()
                .select(
                        ReferralDO::getRegisteredAt,
                        ReferralDO::getChannel,
                        ReferralDO::getStatus,
                        ReferralDO::getFirstOrderAt)
                .eq(ReferralDO::getCampaignId, campaignId)
                .ge(ReferralDO::getRegisteredAt, from)
                .lt(ReferralDO::getRegisteredAt, to));
    }

    default List<Map<String, Object>> countByStatus(long campaignId) {
        return selectMaps(new QueryWrapper<ReferralDO>()
                .select("status", "COUNT(*) AS n")
                .eq("campaign_id", campaignId)
                .groupBy("status"));
    }
}
