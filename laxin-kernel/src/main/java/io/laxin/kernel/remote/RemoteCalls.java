package io.laxin.kernel.remote;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rule for calls to another service (or anything slow and remote): they are made before a use case opens its
 * transaction, never inside one, so a slow or hanging peer holds no database connection and no row lock. Adapters
 * that make such calls check it, so a use case that breaks the rule fails at once in every test instead of
 * degrading under load.
 */
public final class RemoteCalls {

    private RemoteCalls() {}

    /** @throws IllegalStateException when a transaction is open on this thread */
    public static void requireNoTransaction(String call) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(call + " is a remote call: make it before the transaction opens, "
                    + "not inside it (it would hold a connection and locks while it waits)");
        }
    }
}
