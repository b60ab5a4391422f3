package io.laxin.kernel.job;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
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
 * {@link JobProgress}; its result, a small record, becomes the run's summary, an exception fails the run. A run waiting in the queue
 * keeps its lease by the heartbeat (see {@link Jobs#heartbeat}) and renews it when a thread picks it up; one that
 * lost it meanwhile is skipped, its body never run. When the pool and its queue are full the run is failed and the
 * caller gets 429 ({@link #hasRoom} tells beforehand).
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
    public Jobs.Claim submit(String job, String subject, String startedBy, long total, JobWork<? extends Record> work) {
        Jobs.Claim claim = jobs.start(job, subject, startedBy, total);
        if (claim.started()) {
            runInBackground(claim.runId(), work);
        }
        return claim;
    }

    /** Like {@link #submit}, but a live run of the same job and subject is a 409 {@code CONFLICT}. */
    public long submitOrRefuse(
            String job, String subject, String startedBy, long total, JobWork<? extends Record> work) {
        Jobs.Claim claim = submit(job, subject, startedBy, total, work);
        if (!claim.started()) {
            throw Jobs.running(job, subject, claim.runId());
        }
        return claim.runId();
    }

    /** Whether a thread or a place in the queue is free now (another submit may still take it first). */
    public boolean hasRoom() {
        return pool.getActiveCount() < pool.getMaximumPoolSize()
                || pool.getQueue().remainingCapacity() > 0;
    }

    private void runInBackground(long runId, JobWork<? extends Record> work) {
        Task task = new Task(runId, work, jobs.heartbeat(runId));
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            task.waiting.close();
            jobs.fail(runId, "refused: too many jobs running or waiting in this process");
            throw new LaxinException(
                    CommonErrorCode.TOO_MANY_REQUESTS,
                    "Too many long jobs are running or waiting; " + "try again later");
        }
    }

    /** A submitted run: its heartbeat keeps its lease while it waits for a thread. */
    private final class Task implements Runnable {
        final long runId;
        final JobWork<? extends Record> work;
        final Jobs.Heartbeat waiting;

        Task(long runId, JobWork<? extends Record> work, Jobs.Heartbeat waiting) {
            this.runId = runId;
            this.work = work;
            this.waiting = waiting;
        }

        @Override
        public void run() {
            waiting.close();
            try {
                if (!jobs.renew(runId)) {
                    log.warn("Long job run {} lost its lease while it waited; its body is not run", runId);
                    return;
                }
                jobs.carryOut(runId, work, Function.identity());
            } catch (RuntimeException e) {
                log.warn("Long job run {} failed: {}", runId, e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        for (Runnable waiting : pool.shutdownNow()) {
            if (waiting instanceof Task task) {
                task.waiting.close();
            }
        }
    }
}
