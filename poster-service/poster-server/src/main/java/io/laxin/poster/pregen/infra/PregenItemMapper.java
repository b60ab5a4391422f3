package io.laxin.poster.pregen.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

import java.util.List;

@Mapper
public interface PregenItemMapper extends BaseMapper<PregenItemDO> {

    default List<PregenItemDO> pending(long jobId) {
        return selectList(new LambdaQueryWrapper<PregenItemDO>().eq(PregenItemDO::getJobId, jobId)
                .eq(PregenItemDO::getStatus, "PENDING").orderByAsc(PregenItemDO::getSeq));
    }

    /** Marks a pending item; 0 when it was already marked (so a count is never bumped twice). */
    default int mark(long jobId, int seq, String status) {
        return update(null, new LambdaUpdateWrapper<PregenItemDO>().eq(PregenItemDO::getJobId, jobId)
                .eq(PregenItemDO::getSeq, seq).eq(PregenItemDO::getStatus, "PENDING")
                .set(PregenItemDO::getStatus, status));
    }
}
