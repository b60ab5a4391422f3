package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.application.ReleasingRewards;
import io.laxin.reward.reward.domain.RewardCosts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Wiring: the cost rate for budgets and reports, and the scheduled release job. */
@Configuration
class RewardJobs {

    @Bean
    RewardCosts rewardCosts(@Value("${laxin.reward.fen-per-hundred-points:100}") long fenPerHundredPoints) {
        return new RewardCosts(fenPerHundredPoints);
    }

    /** Releases rewards whose hold has ended, every {@code laxin.reward.release-interval} (on every replica). */
    @Component
    @ConditionalOnProperty(name = "laxin.reward.release-enabled", havingValue = "true", matchIfMissing = true)
    static class ScheduledRelease {

        private final ReleasingRewards releasing;

        ScheduledRelease(ReleasingRewards releasing) {
            this.releasing = releasing;
        }

        @Scheduled(
                fixedDelayString = "${laxin.reward.release-interval:60s}",
                initialDelayString = "${laxin.reward.release-interval:60s}")
        void release() {
            releasing.releaseDue("scheduler");
        }
    }
}
