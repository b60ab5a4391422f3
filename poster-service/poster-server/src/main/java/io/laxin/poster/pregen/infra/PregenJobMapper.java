package io.laxin.poster.pregen.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PregenJobMapper extends BaseMapper<PregenJobDO> {

    @Update("UPDATE poster_job SET done = done + 1 WHERE id = #{id}")
    int countDone(@Param("id") long id);

    @Update("UPDATE poster_job SET failed = failed + 1, last_error = #{error} WHERE id = #{id}")
    int countFailed(@Param("id") long id, @Param("error") String error);
}
