package io.laxin.reward.order;

import io.laxin.reward.order.application.RewardChangeRetry;
import io.laxin.reward.reward.application.RewardBook;
import org.junit.jupiter.api.Test;

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
    void shouldGiveUpAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            attempts.incrementAndGet();
            throw new RewardBook.ConcurrentRewardChange(7);
        })).isInstanceOf(RewardBook.ConcurrentRewardChange.class);
        assertThat(attempts).hasValue(3);
    }
}
