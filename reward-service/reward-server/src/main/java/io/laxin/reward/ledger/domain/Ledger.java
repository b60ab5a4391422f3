package io.laxin.reward.ledger.domain;

/** Port: the append-only ledger. */
public interface Ledger {

    /**
     * Appends a posting in the caller's transaction.
     *
     * @return false when a posting with this id is already there (nothing is written)
     */
    boolean post(Posting posting);

    /** The sum of one user's entries on an account in a unit (debits minus credits). */
    long balance(Account account, String userId, Unit unit);
}
