package io.laxin.invite.campaign.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** MyBatis-Plus mapper of {@code campaign_policy} (composite key: select and update by wrapper). */
@Mapper
public interface CampaignPolicyMapper extends BaseMapper<CampaignPolicyDO> {}
