package io.laxin.invite.funnel.infra;

import io.laxin.invite.funnel.domain.RewardTrends;
import io.laxin.reward.api.dto.RewardDashboardDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

@Component
class FeignRewardTrends implements RewardTrends {

    private static final Logger log = LoggerFactory.getLogger(FeignRewardTrends.class);

    private final RewardClient client;

    FeignRewardTrends(RewardClient client) {
        this.client = client;
    }

    @Override
    public Optional<RewardDashboardDTO> over(Instant from, Instant to) {
        try {
            return Optional.of(client.dashboard(from, to));
        } catch (RuntimeException e) {
            log.warn("reward-service dashboard figures unavailable: {}", e.toString());
            return Optional.empty();
        }
    }
}
