package io.laxin.poster.template.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TemplateVersionMapper extends BaseMapper<TemplateVersionDO> {

    default TemplateVersionDO findVersion(long templateId, int version) {
        return selectOne(new LambdaQueryWrapper<TemplateVersionDO>()
                .eq(TemplateVersionDO::getTemplateId, templateId)
                .eq(TemplateVersionDO::getVersion, version));
    }

    /**
     * A version's key and layout only, never its background or logo (up to a few MiB): what serving a poster needs
     * to find it in the cache.
     */
    @Select("SELECT template_id, version, layout FROM poster_template_version"
            + " WHERE template_id = #{templateId} AND version = #{version}")
    TemplateVersionDO findLayout(@Param("templateId") long templateId, @Param("version") int version);
}
