package io.laxin.reward.reward.application;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transaction again when it lost a race that a fresh attempt wins: a deadlock or lock timeout chosen by
 * the database, or a reward that changed under it ({@link RewardBook.ConcurrentRewardChange}). Up to
 * {@link #ATTEMPTS} attempts with a short random pause; then the failure propagates (a consumer's message is then
 * redelivered by the broker). Must wrap the transaction, never run inside one, so each attempt sees fresh rows.
 */
@Component
public class ConflictRetry {

    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    public <T> T run(Supplier<T> transaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ConflictRetry must wrap the transaction, not run inside one");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException | RewardBook.ConcurrentRewardChange e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "Transaction lost a race (attempt {} of {}), running it again: {}",
                        attempt,
                        ATTEMPTS,
                        e.getClass().getSimpleName());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
