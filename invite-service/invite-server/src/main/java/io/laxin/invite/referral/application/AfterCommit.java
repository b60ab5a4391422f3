package io.laxin.invite.referral.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a follow-up (the Redis leaderboard) once the current transaction has committed. If it
 * fails, what committed stands: the follow-up is derived state that a rebuild or the next write corrects.
 */
final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {}

    static void run(Runnable followUp) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    followUp.run();
                } catch (RuntimeException e) {
                    log.warn("After-commit update failed (what committed stands): {}", e.toString());
                }
            }
        });
    }
}
