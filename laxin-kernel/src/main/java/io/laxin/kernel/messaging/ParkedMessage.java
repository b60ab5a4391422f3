package io.laxin.kernel.messaging;

import java.time.Instant;

/**
 * A message its consumer gave up on — poison (unreadable, unknown schema version) or failing on its last allowed
 * attempt — kept with the reason so operations can see it and replay it, instead of the broker's dead-letter queue.
 *
 * @param attempts      deliveries so far (the broker's and replays)
 * @param replayedAt    when a replay applied it; null while it is parked
 * @param replayOutcome the last replay's result ({@code REPLAYED} or {@code FAILED}); null before any replay
 */
public record ParkedMessage(
        long id,
        String consumer,
        String topic,
        String tags,
        String keys,
        String msgId,
        String eventId,
        String body,
        String reason,
        int attempts,
        Instant parkedAt,
        Instant replayedAt,
        String replayOutcome) {

    /** Parked (waiting for an operator) or replayed (applied by a replay). */
    public enum State {
        PARKED,
        REPLAYED
    }

    public State state() {
        return replayedAt == null ? State.PARKED : State.REPLAYED;
    }

    /** What is written when a message is parked. */
    public record Parking(
            String consumer,
            String topic,
            String tags,
            String keys,
            String msgId,
            String eventId,
            String body,
            String reason,
            int attempts) {}
}
