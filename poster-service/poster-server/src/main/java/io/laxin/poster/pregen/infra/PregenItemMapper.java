package io.laxin.poster.pregen.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface PregenItemMapper extends BaseMapper<PregenItemDO> {

    default List<PregenItemDO> pending(long jobId) {
        return selectList(new LambdaQueryWrapper<PregenItemDO>()
                .eq(PregenItemDO::getJobId, jobId)
                .eq(PregenItemDO::getStatus, "PENDING")
                .orderByAsc(PregenItemDO::getSeq));
    }

    /** Marks a pending item (with its error when it failed); 0 when it was already marked. */
    default int mark(long jobId, int seq, String status, String error) {
        return update(
                null,
                new LambdaUpdateWrapper<PregenItemDO>()
                        .eq(PregenItemDO::getJobId, jobId)
                        .eq(PregenItemDO::getSeq, seq)
                        .eq(PregenItemDO::getStatus, "PENDING")
                        .set(PregenItemDO::getStatus, status)
                        .set(PregenItemDO::getError, error));
    }

    default long count(long jobId, String status) {
        return selectCount(new LambdaQueryWrapper<PregenItemDO>()
                .eq(PregenItemDO::getJobId, jobId)
                .eq(PregenItemDO::getStatus, status));
    }

    /** The error of the job's last failed item (items run in order), or null. */
    default String lastError(long jobId) {
        return selectList(new LambdaQueryWrapper<PregenItemDO>()
                        .eq(PregenItemDO::getJobId, jobId)
                        .eq(PregenItemDO::getStatus, "FAILED")
                        .orderByDesc(PregenItemDO::getSeq)
                        .last("LIMIT 1"))
                .stream()
                .findFirst()
                .map(PregenItemDO::getError)
                .orElse(null);
    }
}
