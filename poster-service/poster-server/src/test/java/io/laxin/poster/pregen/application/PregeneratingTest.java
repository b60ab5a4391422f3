package io.laxin.poster.pregen.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.job.Jobs;
import io.laxin.kernel.job.LongJobs;
import io.laxin.poster.pregen.domain.PregenJob;
import io.laxin.poster.pregen.domain.PregenJobs;
import io.laxin.poster.render.application.RenderingPoster;
import io.laxin.poster.render.domain.Invites;
import io.laxin.poster.template.domain.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Resuming unfinished jobs when the application is ready (and on schedule) never throws, job by job. */
class PregeneratingTest {

    private final PregenJobs jobs = mock(PregenJobs.class);
    private final LongJobs longJobs = mock(LongJobs.class);
    private final Pregenerating pregenerating = new Pregenerating(
            jobs,
            mock(Templates.class),
            mock(Invites.class),
            mock(RenderingPoster.class),
            Clock.systemUTC(),
            longJobs,
            mock(IdempotentRequests.class),
            mock(TransactionTemplate.class));

    private static PregenJob queued(long id) {
        return new PregenJob(
                id, 42, 1, 1, "PNG", null, PregenJob.Status.QUEUED, 1, 0, 0, null, "ops-1", Instant.EPOCH, null, null);
    }

    @Test
    void shouldSkipAJobThatFailsToResumeAndStopWhenThePoolIsFull() {
        when(jobs.notDone()).thenReturn(List.of(1L, 2L, 3L, 4L));
        for (long id = 1; id <= 4; id++) {
            when(jobs.find(id)).thenReturn(Optional.of(queued(id)));
        }
        when(longJobs.hasRoom()).thenReturn(true);
        when(longJobs.submit(anyString(), eq("job:1"), anyString(), anyLong(), any()))
                .thenReturn(new Jobs.Claim(11, true));
        when(longJobs.submit(anyString(), eq("job:2"), anyString(), anyLong(), any()))
                .thenThrow(new IllegalStateException("database hiccup"));
        when(longJobs.submit(anyString(), eq("job:3"), anyString(), anyLong(), any()))
                .thenThrow(new LaxinException(CommonErrorCode.TOO_MANY_REQUESTS, "Too many long jobs"));

        assertThatCode(pregenerating::resumeUnfinished).doesNotThrowAnyException();

        verify(jobs).attachRun(1, 11);
        verify(longJobs).submit(anyString(), eq("job:3"), anyString(), anyLong(), any());
        verify(longJobs, never()).submit(anyString(), eq("job:4"), anyString(), anyLong(), any());
    }

    @Test
    void shouldSubmitNothingWhileThePoolIsFull() {
        when(jobs.notDone()).thenReturn(List.of(1L));
        when(jobs.find(1L)).thenReturn(Optional.of(queued(1)));
        when(longJobs.hasRoom()).thenReturn(false);

        assertThatCode(pregenerating::resumeUnfinished).doesNotThrowAnyException();

        verify(longJobs, never()).submit(anyString(), anyString(), anyString(), anyLong(), any());
    }

    @Test
    void shouldNotThrowWhenTheJobsCannotBeRead() {
        when(jobs.notDone()).thenThrow(new IllegalStateException("database down"));

        assertThatCode(pregenerating::resumeUnfinished).doesNotThrowAnyException();
    }
}
