package io.laxin.poster.pregen.domain;

import java.time.Instant;

/**
 * A bulk pre-generation of posters for a campaign's top referrers: progress is {@code done} (rendered or already
 * cached) and {@code failed} of {@code total}.
 *
 * @param top how many of the campaign's top referrers the job asked invite-service for, or null when it named users
 *            only
 */
public record PregenJob(long id, long campaignId, long templateId, int version, String format, Integer top,
                        Status status,
                        int total, int done, int failed, String lastError, String createdBy, Instant createdAt,
                        Instant finishedAt) {

    public enum Status { QUEUED, RUNNING, FINISHED }
}
