package io.laxin.reward.settlement.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: what settlement tells the rest of the world, in the caller's transaction (so an event goes out exactly when
 * its change commits): a batch approved, each payee's line paid, a batch paid.
 */
public interface SettlementEvents {

    /** The batch was approved (its rewards are SETTLED) by {@code actor}. */
    void approved(SettlementBatch batch, String actor, Instant at);

    /** These lines of the batch were paid out (called page by page before {@link #paid}). */
    void linesPaid(SettlementBatch batch, List<StatementLine> lines, Instant at);

    /** Finance confirmed the batch's payout. */
    void paid(SettlementBatch batch, String actor, Instant at);
}
