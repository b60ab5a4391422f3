package io.laxin.invite.code.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface InviteCodeMapper extends BaseMapper<InviteCodeDO> {

    default InviteCodeDO selectByUser(long campaignId, String userId) {
        return selectOne(new LambdaQueryWrapper<InviteCodeDO>()
                .eq(InviteCodeDO::getCampaignId, campaignId).eq(InviteCodeDO::getUserId, userId));
    }

    default InviteCodeDO selectByCode(String code) {
        return selectOne(new LambdaQueryWrapper<InviteCodeDO>().eq(InviteCodeDO::getCode, code));
    }
}
