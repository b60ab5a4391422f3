package io.laxin.kernel.messaging;

import java.util.List;
import java.util.Optional;

/** The {@code parked_message} table of the service's own database (kernel migration {@code db/kernel}). */
public interface ParkedMessages {

    /** Keeps the message; the same message (consumer, msg id) parked again updates its row. Answers the id. */
    long park(ParkedMessage.Parking parking);

    Optional<ParkedMessage> find(long id);

    /** Newest first; consumer and state optional. */
    Page page(String consumer, ParkedMessage.State state, int page, int size);

    /** The oldest parked (not replayed) messages of a consumer, at most {@code limit}. */
    List<ParkedMessage> parked(String consumer, int limit);

    long countParked(String consumer);

    /** A replay applied it. */
    void replayed(long id);

    /** A replay failed again: it stays parked with the new reason. */
    void replayFailed(long id, String reason);

    record Page(List<ParkedMessage> items, long total, int page, int size) {}
}
