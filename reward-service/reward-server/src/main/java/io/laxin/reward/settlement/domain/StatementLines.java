package io.laxin.reward.settlement.domain;

import java.util.List;

/** Port: the statement lines of batches. */
public interface StatementLines {

    /**
     * Adds one line per user in ({@code afterUser}, {@code lastUser}] whose rewards collected into the batch net at
     * least {@code minPayoutFen}, in one set-based statement.
     *
     * @return lines added
     */
    int addFromCollectedRewards(long batchId, String afterUser, String lastUser, long minPayoutFen);

    /** Lines with an id above {@code afterLineId}, by id. */
    List<StatementLine> after(long batchId, long afterLineId, int limit);

    /** A page of lines, by id. */
    List<StatementLine> page(long batchId, int offset, int limit);

    void removeAll(long batchId);
}
