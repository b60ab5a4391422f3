package io.laxin.kernel.job;

/** A job's body: does the work, reports progress, and returns what it did. */
@FunctionalInterface
public interface JobWork<T> {

    T run(JobProgress progress);
}
