package io.laxin.invite.touch.infra;

import io.laxin.invite.InviteProperties;
import io.laxin.invite.touch.application.FlushingTouchCounts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves touch counters from Redis to MySQL every couple of seconds ({@code laxin.invite.touch-flush-interval}).
 * See {@link FlushingTouchCounts} and {@link RedisTouches} for how a batch is handed over exactly once and stays
 * countable while it moves.
 */
@Component
public class TouchCountFlusher {

    private final FlushingTouchCounts flushing;

    TouchCountFlusher(FlushingTouchCounts flushing) {
        this.flushing = flushing;
    }

    /** Flushes every campaign with pending counts (and any batch a crashed flush left); returns batches written. */
    @Scheduled(fixedDelayString = InviteProperties.TOUCH_FLUSH_INTERVAL_PLACEHOLDER)
    public int flush() {
        return flushing.flushAll();
    }
}
