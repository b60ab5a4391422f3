package io.laxin.invite.touch.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface TouchMapper extends BaseMapper<TouchDO> {

    default long countByCampaign(long campaignId) {
        return selectCount(new LambdaQueryWrapper<TouchDO>().eq(TouchDO::getCampaignId, campaignId));
    }
}
