package io.laxin.reward.reward.infra;

import io.laxin.reward.RewardProperties;
import io.laxin.reward.reward.application.ReleasingRewards;
import io.laxin.reward.reward.domain.RewardCosts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Wiring: the cost rate for budgets and reports, and the scheduled release job. */
@Configuration
class RewardJobs {

    @Bean
    RewardCosts rewardCosts(RewardProperties properties) {
        return new RewardCosts(properties.fenPerHundredPoints());
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
                fixedDelayString = RewardProperties.RELEASE_INTERVAL_PLACEHOLDER,
                initialDelayString = RewardProperties.RELEASE_INTERVAL_PLACEHOLDER)
        void release() {
            releasing.releaseDue("scheduler");
        }
    }
}
