package io.laxin.poster.pregen.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PregenJobMapper extends BaseMapper<PregenJobDO> {

    /** Jobs of the job_run era (null legacy status; V3 cleared it on jobs the earlier code left unfinished) whose run never started or has not ended DONE, oldest first. */
    @Select("SELECT p.id FROM poster_job p LEFT JOIN job_run r ON r.id = p.job_run_id "
            + "WHERE p.status IS NULL AND (r.id IS NULL OR r.status <> 'DONE') ORDER BY p.id")
    List<Long> notDone();
}
