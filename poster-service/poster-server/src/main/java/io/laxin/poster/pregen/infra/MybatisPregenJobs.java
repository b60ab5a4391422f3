package io.laxin.poster.pregen.infra;

import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.pregen.domain.PregenJob;
import io.laxin.poster.pregen.domain.PregenJobs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Jobs in {@code poster_job}, their users in {@code poster_job_item}. */
@Component
class MybatisPregenJobs implements PregenJobs {

    private final PregenJobMapper jobs;
    private final PregenItemMapper items;

    MybatisPregenJobs(PregenJobMapper jobs, PregenItemMapper items) {
        this.jobs = jobs;
        this.items = items;
    }

    @Override
    @Transactional
    public PregenJob create(long campaignId, long templateId, int version, String format, Integer top,
                            List<PregenItem> users, String createdBy, Instant at) {
        PregenJobDO row = new PregenJobDO();
        row.setCampaignId(campaignId);
        row.setTemplateId(templateId);
        row.setVersion(version);
        row.setFormat(format);
        row.setTopReferrers(top);
        row.setStatus(PregenJob.Status.QUEUED.name());
        row.setTotal(users.size());
        row.setDone(0);
        row.setFailed(0);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        jobs.insert(row);
        for (PregenItem u : users) {
            PregenItemDO item = new PregenItemDO();
            item.setJobId(row.getId());
            item.setSeq(u.seq());
            item.setUserId(u.userId());
            item.setNickname(u.nickname());
            item.setAvatarUrl(u.avatarUrl());
            item.setStatus("PENDING");
            items.insert(item);
        }
        return toDomain(row);
    }

    @Override
    public Optional<PregenJob> find(long jobId) {
        return Optional.ofNullable(jobs.selectById(jobId)).map(MybatisPregenJobs::toDomain);
    }

    @Override
    public List<PregenItem> pending(long jobId) {
        return items.pending(jobId).stream()
                .map(i -> new PregenItem(i.getSeq(), i.getUserId(), i.getNickname(), i.getAvatarUrl())).toList();
    }

    @Override
    public void markRunning(long jobId) {
        PregenJobDO row = new PregenJobDO();
        row.setId(jobId);
        row.setStatus(PregenJob.Status.RUNNING.name());
        jobs.updateById(row);
    }

    @Override
    @Transactional
    public void recordItem(long jobId, int seq, boolean ok, String error) {
        if (items.mark(jobId, seq, ok ? "DONE" : "FAILED") == 0) {
            return;
        }
        if (ok) {
            jobs.countDone(jobId);
        } else {
            jobs.countFailed(jobId, error == null ? null : error.substring(0, Math.min(500, error.length())));
        }
    }

    @Override
    public void finish(long jobId, Instant at) {
        PregenJobDO row = new PregenJobDO();
        row.setId(jobId);
        row.setStatus(PregenJob.Status.FINISHED.name());
        row.setFinishedAt(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        jobs.updateById(row);
    }

    @Override
    public List<PregenJob> recent(int limit) {
        return jobs.selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<PregenJobDO>()
                        .orderByDesc(PregenJobDO::getId).last("LIMIT " + Math.max(1, Math.min(limit, 100))))
                .stream().map(MybatisPregenJobs::toDomain).toList();
    }

    @Override
    public List<Long> unfinished() {
        return jobs.selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<PregenJobDO>()
                        .ne(PregenJobDO::getStatus, PregenJob.Status.FINISHED.name()).orderByAsc(PregenJobDO::getId))
                .stream().map(PregenJobDO::getId).toList();
    }

    private static PregenJob toDomain(PregenJobDO r) {
        return new PregenJob(r.getId(), r.getCampaignId(), r.getTemplateId(), r.getVersion(), r.getFormat(),
                r.getTopReferrers(), PregenJob.Status.valueOf(r.getStatus()), r.getTotal(), r.getDone(), r.getFailed(), r.getLastError(),
                r.getCreatedBy(), r.getCreatedAt().toInstant(ZoneOffset.UTC),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(ZoneOffset.UTC));
    }
}
