package io.laxin.invite.campaign.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** MyBatis-Plus mapper of {@code campaign}. */
@Mapper
public interface CampaignMapper extends BaseMapper<CampaignDO> {

    /** The row, locked until the transaction ends. */
    @Select("SELECT * FROM campaign WHERE id = #{id} FOR UPDATE")
    CampaignDO selectForUpdate(long id);
}
