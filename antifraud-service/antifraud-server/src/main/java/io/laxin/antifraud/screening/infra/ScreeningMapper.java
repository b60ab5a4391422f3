package io.laxin.antifraud.screening.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ScreeningMapper extends BaseMapper<ScreeningDO> {}
