package io.laxin.reward.order;

import io.laxin.reward.order.application.RewardChangeRetry;
import io.laxin.reward.reward.application.RewardBook;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewardChangeRetryTest {

    private final RewardChangeRetry retry = new RewardChangeRetry();

    @Test
    void shouldRunTheTransactionAgainAfterAConcurrentRewardChange() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RewardBook.ConcurrentRewardChange(7);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldRunTheTransactionAgainAfterLosingADeadlock() {
        AtomicInteger attempts = new AtomicInteger();

        int result = retry.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PessimisticLockingFailureException("Deadlock found when trying to get lock");
            }
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void shouldNotRetryOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldGiveUpAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new RewardBook.ConcurrentRewardChange(7);
        })).isInstanceOf(RewardBook.ConcurrentRewardChange.class);
        assertThat(attempts).hasValue(3);
    }
}
