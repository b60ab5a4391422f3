package io.laxin.poster.pregen.infra;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import io.laxin.kernel.job.JobRun;
import io.laxin.kernel.job.Jobs;
import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.pregen.domain.PregenJob;
import io.laxin.poster.pregen.domain.PregenJobs;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs in {@code poster_job}, their users and each one's outcome in {@code poster_job_item}, their status from their
 * run in the kernel's {@code job_run}.
 */
@Component
class MybatisPregenJobs implements PregenJobs {

    private final PregenJobMapper jobs;
    private final PregenItemMapper items;
    private final Jobs runs;

    MybatisPregenJobs(PregenJobMapper jobs, PregenItemMapper items, Jobs runs) {
        this.jobs = jobs;
        this.items = items;
        this.runs = runs;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public PregenJob create(
            long campaignId,
            long templateId,
            int version,
            String format,
            Integer top,
            List<PregenItem> users,
            String createdBy,
            Instant at) {
        PregenJobDO row = new PregenJobDO();
        row.setCampaignId(campaignId);
        row.setTemplateId(templateId);
        row.setVersion(version);
        row.setFormat(format);
        row.setTopReferrers(top);
        row.setTotal(users.size());
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
        return Optional.ofNullable(jobs.selectById(jobId)).map(this::toDomain);
    }

    @Override
    public List<PregenItem> pending(long jobId) {
        return items.pending(jobId).stream()
                .map(i -> new PregenItem(i.getSeq(), i.getUserId(), i.getNickname(), i.getAvatarUrl()))
                .toList();
    }

    @Override
    public void attachRun(long jobId, long runId) {
        PregenJobDO row = new PregenJobDO();
        row.setId(jobId);
        row.setJobRunId(runId);
        jobs.updateById(row);
    }

    @Override
    public void recordItem(long jobId, int seq, boolean ok, String error) {
        items.mark(
                jobId,
                seq,
                ok ? "DONE" : "FAILED",
                ok || error == null ? null : error.substring(0, Math.min(500, error.length())));
    }

    @Override
    public List<PregenJob> recent(int limit) {
        return jobs
                .selectList(new LambdaQueryWrapper<PregenJobDO>()
                        .orderByDesc(PregenJobDO::getId)
                        .last("LIMIT " + Math.max(1, Math.min(limit, 100))))
                .stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<Long> notDone() {
        return jobs.notDone();
    }

    private PregenJob toDomain(PregenJobDO r) {
        if (r.getStatus() != null) {
            return legacy(r);
        }
        JobRun run = r.getJobRunId() == null ? null : runs.byId(r.getJobRunId()).orElse(null);
        PregenJob.Status status = run == null
                ? PregenJob.Status.QUEUED
                : switch (run.status()) {
                    case RUNNING -> PregenJob.Status.RUNNING;
                    case DONE -> PregenJob.Status.FINISHED;
                    case FAILED -> PregenJob.Status.FAILED;
                };
        return new PregenJob(
                r.getId(),
                r.getCampaignId(),
                r.getTemplateId(),
                r.getVersion(),
                r.getFormat(),
                r.getTopReferrers(),
                status,
                r.getTotal(),
                (int) items.count(r.getId(), "DONE"),
                (int) items.count(r.getId(), "FAILED"),
                items.lastError(r.getId()),
                r.getCreatedBy(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC),
                run == null ? null : run.finishedAt(),
                r.getJobRunId());
    }

    /** A job run before job_run held the status: its progress is in its own row. */
    private static PregenJob legacy(PregenJobDO r) {
        return new PregenJob(
                r.getId(),
                r.getCampaignId(),
                r.getTemplateId(),
                r.getVersion(),
                r.getFormat(),
                r.getTopReferrers(),
                PregenJob.Status.valueOf(r.getStatus()),
                r.getTotal(),
                r.getDone(),
                r.getFailed(),
                r.getLastError(),
                r.getCreatedBy(),
                r.getCreatedAt().toInstant(ZoneOffset.UTC),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(ZoneOffset.UTC),
                null);
    }
}
