package io.laxin.kernel.job;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Runs long jobs in the background: {@link #submit} starts the run (taking its lease), hands the body to a bounded
 * pool and answers the run at once, so no request waits on the work. The body reports progress through a
 * {@link JobProgress}; its result becomes the run's summary, an exception fails the run. When the pool and its queue
 * are full the run is failed and the caller gets 429.
 */
public class LongJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LongJobs.class);

    private final Jobs jobs;
    private final ThreadPoolExecutor pool;

    /**
     * @param threads how many jobs run at once in this process
     * @param queued  how many more may wait for a thread
     */
    public LongJobs(Jobs jobs, int threads, int queued) {
        this.jobs = jobs;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queued),
                r -> {
                    Thread t = new Thread(r, "long-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Starts a run of {@code job} on {@code subject} and runs {@code work} in the background.
     *
     * @return the claim: the new run, or ({@code started} false) the live run that already holds the lease, in which
     *         case nothing was submitted
     */
    public Jobs.Claim submit(
            String job, String subject, String startedBy, long total, JobWork<? extends Map<String, ?>> work) {
        Jobs.Claim claim = jobs.start(job, subject, startedBy, total);
        if (claim.started()) {
            runInBackground(claim.runId(), work);
        }
        return claim;
    }

    /** Like {@link #submit}, but a live run of the same job and subject is a 409 {@code CONFLICT}. */
    public long submitOrRefuse(
            String job, String subject, String startedBy, long total, JobWork<? extends Map<String, ?>> work) {
        Jobs.Claim claim = submit(job, subject, startedBy, total, work);
        if (!claim.started()) {
            throw Jobs.running(job, subject, claim.runId());
        }
        return claim.runId();
    }

    private void runInBackground(long runId, JobWork<? extends Map<String, ?>> work) {
        try {
            pool.execute(() -> {
                try {
                    jobs.carryOut(runId, work, Function.identity());
                } catch (RuntimeException e) {
                    log.warn("Long job run {} failed: {}", runId, e.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            jobs.fail(runId, "refused: too many jobs running or waiting in this process");
            throw new LaxinException(
                    CommonErrorCode.TOO_MANY_REQUESTS,
                    "Too many long jobs are running or waiting; " + "try again later");
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
