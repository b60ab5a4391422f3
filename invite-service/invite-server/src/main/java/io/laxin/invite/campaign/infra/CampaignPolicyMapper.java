package io.laxin.invite.campaign.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CampaignPolicyMapper extends BaseMapper<CampaignPolicyDO> {
}
