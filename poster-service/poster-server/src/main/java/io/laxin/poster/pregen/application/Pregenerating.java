package io.laxin.poster.pregen.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.pregen.domain.PregenJob;
import io.laxin.poster.pregen.domain.PregenJobs;
import io.laxin.poster.render.application.RenderPosterCommand;
import io.laxin.poster.render.application.RenderingPoster;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Use case: pre-generate posters for a campaign's top referrers, so their first request is a cache hit. The job and
 * its users are stored first (the answer names the job); one background worker per instance then renders each user's
 * poster through the same path as a request — invite from invite-service, then the content-keyed cache — recording
 * progress per user. invite-api has no ranking of referrers yet, so the operator sends the list.
 */
@Service
public class Pregenerating implements DisposableBean {

    public static final int MAX_USERS = 1000;
    private static final Logger log = LoggerFactory.getLogger(Pregenerating.class);

    private final PregenJobs jobs;
    private final Templates templates;
    private final RenderingPoster rendering;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poster-pregen");
        t.setDaemon(true);
        return t;
    });

    public Pregenerating(PregenJobs jobs, Templates templates, RenderingPoster rendering, Clock clock) {
        this.jobs = jobs;
        this.templates = templates;
        this.rendering = rendering;
        this.clock = clock;
    }

    public PregenJob start(StartPregenCommand command) {
        if (command.users() == null || command.users().isEmpty()) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "users must name at least one user");
        }
        if (command.users().size() > MAX_USERS) {
            throw new LaxinException(PosterErrorCode.JOB_TOO_LARGE, command.users().size() + " users; at most "
                    + MAX_USERS + " per job");
        }
        Set<String> seen = new HashSet<>();
        for (PregenItem item : command.users()) {
            if (!seen.add(item.userId())) {
                throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "user " + item.userId() + " is listed twice");
            }
        }
        TemplateVersion template = templates.find(command.templateId(), command.version())
                .orElseThrow(() -> new LaxinException(PosterErrorCode.TEMPLATE_NOT_FOUND,
                        "No template " + command.templateId()));
        PregenJob job = jobs.create(command.campaignId(), template.templateId(), template.version(),
                command.format().name(), command.users(), command.by(), clock.instant());
        return job;
    }

    /** Runs a stored job in the background (after the transaction that stored it). */
    public void runInBackground(long jobId) {
        worker.execute(() -> run(jobId));
    }

    void run(long jobId) {
        PregenJob job = jobs.find(jobId).orElseThrow();
        jobs.markRunning(jobId);
        PosterFormat format = PosterFormat.valueOf(job.format());
        List<PregenItem> pending = jobs.pending(jobId);
        for (PregenItem item : pending) {
            try {
                rendering.handle(new RenderPosterCommand(job.campaignId(), item.userId(), format, job.templateId(),
                        job.version(), item.nickname(), item.avatarUrl()), null);
                jobs.recordItem(jobId, item.seq(), true, null);
            } catch (RuntimeException e) {
                log.warn("Pre-generating the poster of {} for job {} failed: {}", item.userId(), jobId, e.toString());
                jobs.recordItem(jobId, item.seq(), false, e.getMessage());
            }
        }
        jobs.finish(jobId, clock.instant());
    }

    /**
     * Picks up jobs an instance left unfinished (stopped mid-job). Items already done are not counted again; an
     * item rendered twice by two instances costs a render, nothing else.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        jobs.unfinished().forEach(this::runInBackground);
    }

    public PregenJob find(long jobId) {
        return jobs.find(jobId).orElseThrow(() -> new LaxinException(PosterErrorCode.JOB_NOT_FOUND,
                "No job " + jobId));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
