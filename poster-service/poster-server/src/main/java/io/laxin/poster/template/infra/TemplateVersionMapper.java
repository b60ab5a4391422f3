package io.laxin.poster.template.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface TemplateVersionMapper extends BaseMapper<TemplateVersionDO> {

    default TemplateVersionDO findVersion(long templateId, int version) {
        return selectOne(new LambdaQueryWrapper<TemplateVersionDO>()
                .eq(TemplateVersionDO::getTemplateId, templateId)
                .eq(TemplateVersionDO::getVersion, version));
    }
}
