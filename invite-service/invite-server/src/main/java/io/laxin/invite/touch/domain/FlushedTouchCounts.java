package io.laxin.invite.touch.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Port: the touch counts MySQL holds ({@code touch_count}), and which batches it holds them from. */
public interface FlushedTouchCounts {

    /**
     * Adds a batch's counts together with its token, in the caller's transaction; false (and nothing added) when that
     * token is there already.
     */
    boolean add(long campaignId, String token, List<TouchCounts.Row> rows, Instant at);

    /** The campaign's counts and which of {@code tokens} they include, read in one snapshot. */
    Snapshot read(long campaignId, Collection<String> tokens);

    record Snapshot(List<TouchCounts.Row> rows, Set<String> applied) {}
}
