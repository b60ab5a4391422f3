package io.laxin.invite.code.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import io.laxin.invite.code.domain.CodeStatus;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface InviteCodeMapper extends BaseMapper<InviteCodeDO> {

    default InviteCodeDO selectActive(long campaignId, String userId) {
        return selectOne(new LambdaQueryWrapper<InviteCodeDO>()
                .eq(InviteCodeDO::getCampaignId, campaignId)
                .eq(InviteCodeDO::getUserId, userId)
                .eq(InviteCodeDO::getStatus, CodeStatus.ACTIVE.name()));
    }

    default List<InviteCodeDO> selectAllOf(long campaignId, String userId) {
        return selectList(new LambdaQueryWrapper<InviteCodeDO>()
                .eq(InviteCodeDO::getCampaignId, campaignId)
                .eq(InviteCodeDO::getUserId, userId)
                .orderByAsc(InviteCodeDO::getId));
    }

    default InviteCodeDO selectByCode(String code) {
        return selectOne(new LambdaQueryWrapper<InviteCodeDO>().eq(InviteCodeDO::getCode, code));
    }

    default long countHoldersBefore(long campaignId, LocalDateTime at) {
        return selectObjs(new QueryWrapper<InviteCodeDO>()
                        .select("COUNT(DISTINCT user_id)")
                        .eq("campaign_id", campaignId)
                        .lt("created_at", at))
                .stream()
                .findFirst()
                .map(n -> ((Number) n).longValue())
                .orElse(0L);
    }
}
