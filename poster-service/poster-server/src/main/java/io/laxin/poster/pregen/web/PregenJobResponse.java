package io.laxin.poster.pregen.web;

import io.laxin.poster.pregen.domain.PregenJob;
import java.time.Instant;

/**
 * A job's progress.
 *
 * @param top the number of top referrers asked for, or null when the job named its users only
 */
public record PregenJobResponse(
        long jobId,
        long campaignId,
        long templateId,
        int templateVersion,
        String format,
        Integer top,
        String status,
        int total,
        int done,
        int failed,
        String lastError,
        Instant createdAt,
        Instant finishedAt) {

    static PregenJobResponse of(PregenJob j) {
        return new PregenJobResponse(
                j.id(),
                j.campaignId(),
                j.templateId(),
                j.version(),
                j.format(),
                j.top(),
                j.status().name(),
                j.total(),
                j.done(),
                j.failed(),
                j.lastError(),
                j.createdAt(),
                j.finishedAt());
    }
}
