package io.laxin.reward.ledger.domain;

import java.util.List;

/** Port: the append-only ledger. */
public interface Ledger {

    /**
     * Appends a posting in the caller's transaction.
     *
     * @return false when a posting with this id is already there (nothing is written)
     */
    boolean post(Posting posting);

    /**
     * Appends many new postings in the caller's transaction, in batched inserts. For callers whose own conditional
     * state change already makes the postings new (e.g. approving a batch): a posting id that exists fails the whole
     * transaction on the unique key instead of being skipped.
     */
    void postAll(List<Posting> postings);

    /** The sum of one user's entries on an account in a unit (debits minus credits). */
    long balance(Account account, String userId, Unit unit);
}
