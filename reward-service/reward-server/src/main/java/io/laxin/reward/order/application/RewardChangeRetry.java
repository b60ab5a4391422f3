package io.laxin.reward.order.application;

import io.laxin.reward.reward.application.RewardBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * Runs a whole transaction again (up to {@link #ATTEMPTS} times in all) when it lost a race: a reward it takes back
 * changed under it ({@link RewardBook.ConcurrentRewardChange}: e.g. the release job moved it), or the database chose
 * it as a deadlock victim ({@link PessimisticLockingFailureException}, e.g. two first orders creating one counter
 * row). Must be called outside any transaction, so each attempt is a fresh one that sees the new rows.
 */
@Component
public class RewardChangeRetry {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RewardChangeRetry.class);

    public <T> T run(Supplier<T> transaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Retry must wrap the transaction, not run inside one");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RewardBook.ConcurrentRewardChange | PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Retrying after losing a race (attempt {}): {}", attempt, e.getMessage());
            }
        }
    }
}
