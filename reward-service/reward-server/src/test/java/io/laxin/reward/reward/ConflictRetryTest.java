package io.laxin.reward.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.reward.application.RewardBook;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class ConflictRetryTest {

    private final ConflictRetry retry = new ConflictRetry();

    @Test
    void shouldRunTheTransactionAgainAfterADeadlockOrAConcurrentChange() {
        AtomicInteger calls = new AtomicInteger();

        String result = retry.run(() -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
            if (n == 2) {
                throw new RewardBook.ConcurrentRewardChange(7);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterFiveAttemptsSoTheBrokerCanRedeliver() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
                    calls.incrementAndGet();
                    throw new CannotAcquireLockException("Lock wait timeout exceeded");
                }))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(calls).hasValue(5);
    }

    @Test
    void shouldNotRetryOtherFailures() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
                    calls.incrementAndGet();
                    throw new DataIntegrityViolationException("bad row");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(1);
    }
}
