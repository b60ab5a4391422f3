package io.laxin.poster.pregen.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.pregen.domain.PregenItem;
import io.laxin.poster.pregen.domain.PregenJob;
import io.laxin.poster.pregen.domain.PregenJobs;
import io.laxin.poster.render.application.RenderPosterCommand;
import io.laxin.poster.render.application.RenderingPoster;
import io.laxin.poster.render.domain.Invites;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.TopReferrer;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Use case: pre-generate posters for a campaign's top referrers, so their first request is a cache hit (and their
 * invite and mini-program code exist). The operator names the users, or asks for the campaign's top N, which
 * invite-service ranks (asked once, when the job is started), or both. The job and its users are stored first (the
 * answer names the job); one background worker per instance then renders each user's poster through the same path
 * as a request — invite from invite-service, then the content-keyed cache — recording progress per user.
 */
@Service
public class Pregenerating implements DisposableBean {

    public static final int MAX_USERS = 1000;
    private static final Logger log = LoggerFactory.getLogger(Pregenerating.class);

    private final PregenJobs jobs;
    private final Templates templates;
    private final Invites invites;
    private final RenderingPoster rendering;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poster-pregen");
        t.setDaemon(true);
        return t;
    });

    public Pregenerating(PregenJobs jobs, Templates templates, Invites invites, RenderingPoster rendering,
                         Clock clock) {
        this.jobs = jobs;
        this.invites = invites;
        this.templates = templates;
        this.rendering = rendering;
        this.clock = clock;
    }

    public PregenJob start(StartPregenCommand command) {
        if (command.users().isEmpty() && command.top() == null) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED,
                    "name users, or top for the campaign's top referrers, or both");
        }
        if (command.top() != null && command.top() < 1) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "top must be 1.." + MAX_USERS);
        }
        if (command.users().size() > MAX_USERS || (command.top() != null && command.top() > MAX_USERS)) {
            throw tooLarge(Math.max(command.users().size(), command.top() == null ? 0 : command.top()));
        }
        Map<String, PregenItem> given = new LinkedHashMap<>();
        for (PregenItem item : command.users()) {
            if (given.putIfAbsent(item.userId(), item) != null) {
                throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "user " + item.userId() + " is listed twice");
            }
        }
        TemplateVersion template = templates.find(command.templateId(), command.version())
                .orElseThrow(() -> new LaxinException(PosterErrorCode.TEMPLATE_NOT_FOUND,
                        "No template " + command.templateId()));
        List<PregenItem> items = command.top() == null ? command.users()
                : withTopReferrers(command.campaignId(), command.top(), given);
        if (items.size() > MAX_USERS) {
            throw tooLarge(items.size());
        }
        return jobs.create(command.campaignId(), template.templateId(), template.version(),
                command.format().name(), command.top(), items, command.by(), clock.instant());
    }

    /**
     * The campaign's top referrers in rank order (each with the nickname and avatar {@code given} names for them,
     * else none: invite-service does not know them), then the given users who are not among them.
     */
    private List<PregenItem> withTopReferrers(long campaignId, int top, Map<String, PregenItem> given) {
        Map<String, PregenItem> byUser = new LinkedHashMap<>();
        for (TopReferrer referrer : invites.topReferrers(campaignId, top)) {
            PregenItem g = given.get(referrer.userId());
            byUser.putIfAbsent(referrer.userId(), g != null ? g : new PregenItem(0, referrer.userId(), null, null));
        }
        given.forEach(byUser::putIfAbsent);
        List<PregenItem> items = new ArrayList<>(byUser.size());
        for (PregenItem item : byUser.values()) {
            items.add(new PregenItem(items.size(), item.userId(), item.nickname(), item.avatarUrl()));
        }
        return items;
    }

    private static LaxinException tooLarge(int users) {
        return new LaxinException(PosterErrorCode.JOB_TOO_LARGE, users + " users; at most " + MAX_USERS + " per job");
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

    /** The newest jobs first (at most 100). */
    public java.util.List<PregenJob> recent(int limit) {
        return jobs.recent(limit);
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
