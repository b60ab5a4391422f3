package io.laxin.reward.reward.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

import java.util.List;

@Mapper
public interface RewardMapper extends BaseMapper<RewardDO> {

    default List<RewardDO> selectNewestOfUser(String userId, int limit) {
        return selectList(new LambdaQueryWrapper<RewardDO>().eq(RewardDO::getUserId, userId)
                .orderByDesc(RewardDO::getId).last("LIMIT " + limit));
    }

    default long countOfCampaign(long campaignId, String beneficiary) {
        return selectCount(new LambdaQueryWrapper<RewardDO>().eq(RewardDO::getCampaignId, campaignId)
                .eq(RewardDO::getBeneficiary, beneficiary));
    }

    default long countPendingOfCampaign(long campaignId) {
        return selectCount(new LambdaQueryWrapper<RewardDO>().eq(RewardDO::getCampaignId, campaignId)
                .eq(RewardDO::getStatus, "PENDING"));
    }
}
