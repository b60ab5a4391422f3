package io.laxin.poster.pregen.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.job.JobProgress;
import io.laxin.kernel.job.LongJobs;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: pre-generate posters for a campaign's top referrers, so their first request is a cache hit (and their
 * invite and mini-program code exist). The operator names the users, or asks for the campaign's top N, which
 * invite-service ranks (asked once, when the job is started), or both. The job and its users are stored first (the
 * answer names the job); then it runs as a kernel long job ({@value #JOB} on {@code job:<id>}, in the kernel's bounded
 * background pool, with its status, progress and lease in job_run), rendering each user's poster through the same
 * path as a request — invite from invite-service, then the content-keyed cache — and recording each user's outcome.
 */
@Service
public class Pregenerating {

    public static final String JOB = "poster-pregen";

    public static final int MAX_USERS = 1000;
    private static final Logger log = LoggerFactory.getLogger(Pregenerating.class);

    private final PregenJobs jobs;
    private final Templates templates;
    private final Invites invites;
    private final RenderingPoster rendering;
    private final Clock clock;
    private final LongJobs longJobs;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate tx;

    public Pregenerating(
            PregenJobs jobs,
            Templates templates,
            Invites invites,
            RenderingPoster rendering,
            Clock clock,
            LongJobs longJobs,
            IdempotentRequests idempotency,
            TransactionTemplate tx) {
        this.longJobs = longJobs;
        this.idempotency = idempotency;
        this.tx = tx;
        this.jobs = jobs;
        this.invites = invites;
        this.templates = templates;
        this.rendering = rendering;
        this.clock = clock;
    }

    /**
     * Stores the job once per Idempotency-Key and starts its run: a replay answers the first answer and starts
     * nothing. invite-service is asked for the top referrers before the one transaction that stores the job and
     * records the key opens.
     */
    public <A> A start(StartPregenCommand command, IdempotentRequests.Answer<PregenJob, A> answer) {
        Optional<A> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Supplier<PregenJob> store = prepare(command);
        PregenJob[] stored = {null};
        A first = tx.execute(s -> idempotency.once(answer, () -> stored[0] = store.get()));
        if (stored[0] != null) {
            runInBackground(stored[0].id());
        }
        return first;
    }

    /** Checks the command and ranks its users (a remote call, with no transaction open); what stores the job. */
    private Supplier<PregenJob> prepare(StartPregenCommand command) {
        if (command.users().isEmpty() && command.top() == null) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED, "name users, or top for the campaign's top referrers, or both");
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
                throw new LaxinException(
                        CommonErrorCode.VALIDATION_FAILED, "user " + item.userId() + " is listed twice");
            }
        }
        TemplateVersion template = templates
                .find(command.templateId(), command.version())
                .orElseThrow(() ->
                        new LaxinException(PosterErrorCode.TEMPLATE_NOT_FOUND, "No template " + command.templateId()));
        List<PregenItem> items =
                command.top() == null ? command.users() : withTopReferrers(command.campaignId(), command.top(), given);
        if (items.size() > MAX_USERS) {
            throw tooLarge(items.size());
        }
        return () -> jobs.create(
                command.campaignId(),
                template.templateId(),
                template.version(),
                command.format().name(),
                command.top(),
                items,
                command.by(),
                clock.instant());
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

    /**
     * Starts a stored job's run in the background (after the transaction that stored it); nothing when a live run
     * of it holds the lease.
     */
    public void runInBackground(long jobId) {
        PregenJob job = jobs.find(jobId).orElseThrow();
        var claim = longJobs.submit(JOB, "job:" + jobId, job.createdBy(), job.total(), progress -> run(job, progress));
        if (claim.started()) {
            jobs.attachRun(jobId, claim.runId());
        }
    }

    /** The summary of a pre-generation run: the job, and how many of the users it went through rendered or failed. */
    public record Summary(long jobId, int rendered, int failed) {}

    private Summary run(PregenJob job, JobProgress progress) {
        PosterFormat format = PosterFormat.valueOf(job.format());
        List<PregenItem> pending = jobs.pending(job.id());
        int processed = job.total() - pending.size();
        int rendered = 0;
        progress.report(processed, job.total());
        for (PregenItem item : pending) {
            try {
                rendering.handle(
                        new RenderPosterCommand(
                                job.campaignId(),
                                item.userId(),
                                format,
                                job.templateId(),
                                job.version(),
                                item.nickname(),
                                item.avatarUrl()),
                        null);
                jobs.recordItem(job.id(), item.seq(), true, null);
                rendered++;
            } catch (RuntimeException e) {
                log.warn(
                        "Pre-generating the poster of {} for job {} failed: {}", item.userId(), job.id(), e.toString());
                jobs.recordItem(job.id(), item.seq(), false, e.getMessage());
            }
            progress.report(++processed, job.total());
        }
        return new Summary(job.id(), rendered, pending.size() - rendered);
    }

    /**
     * Picks up jobs an instance left unfinished (never started, or broken off when its process stopped: its run
     * is FAILED once its lease has passed). Items already done are not counted again; a job whose run still holds
     * its lease is left to it. Submits only while the long-job pool has room (the periodic resume picks up the rest);
     * a job that cannot be submitted is logged and skipped. Never throws: it runs when the application is ready,
     * where an exception would close the context.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        List<Long> unfinished;
        try {
            unfinished = jobs.notDone();
        } catch (RuntimeException e) {
            log.warn("Looking up unfinished pre-generation jobs failed; the next round retries: {}", e.toString());
            return;
        }
        for (long id : unfinished) {
            if (!longJobs.hasRoom()) {
                log.info(
                        "The long-job pool is full; the remaining unfinished pre-generation jobs wait for the next round");
                return;
            }
            try {
                if (jobs.find(id).filter(PregenJob::unfinished).isPresent()) {
                    runInBackground(id);
                }
            } catch (LaxinException e) {
                if (e.errorCode() == CommonErrorCode.TOO_MANY_REQUESTS) {
                    log.info(
                            "The long-job pool is full; the remaining unfinished pre-generation jobs wait for the next round");
                    return;
                }
                log.warn("Resuming pre-generation job {} failed; the next round retries: {}", id, e.toString());
            } catch (RuntimeException e) {
                log.warn("Resuming pre-generation job {} failed; the next round retries: {}", id, e.toString());
            }
        }
    }

    /** The newest jobs first (at most 100). */
    public java.util.List<PregenJob> recent(int limit) {
        return jobs.recent(limit);
    }

    public PregenJob find(long jobId) {
        return jobs.find(jobId).orElseThrow(() -> new LaxinException(PosterErrorCode.JOB_NOT_FOUND, "No job " + jobId));
    }
}
