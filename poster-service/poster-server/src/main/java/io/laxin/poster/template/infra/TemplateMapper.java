package io.laxin.poster.template.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TemplateMapper extends BaseMapper<TemplateDO> {

    /** Locks the template row, so two new versions of one template cannot take the same number. */
    @Select("SELECT * FROM poster_template WHERE id = #{id} FOR UPDATE")
    TemplateDO lockById(long id);
}
