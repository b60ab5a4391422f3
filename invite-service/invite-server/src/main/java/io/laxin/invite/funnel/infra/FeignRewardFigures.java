package io.laxin.invite.funnel.infra;

import io.laxin.invite.funnel.domain.RewardCounts;
import io.laxin.invite.funnel.domain.RewardTrends;
import io.laxin.reward.api.dto.RewardDashboardDTO;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** reward-service's figures for the campaign stats and the dashboard; empty while it cannot be asked. */
@Component
class FeignRewardFigures implements RewardCounts, RewardTrends {

    private static final Logger log = LoggerFactory.getLogger(FeignRewardFigures.class);

    private final RewardClient client;

    FeignRewardFigures(RewardClient client) {
        this.client = client;
    }

    @Override
    public OptionalLong issued(long campaignId) {
        return ask(
                        "summary for campaign " + campaignId,
                        () -> client.campaignSummary(campaignId).rewardsIssued())
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    @Override
    public Optional<RewardDashboardDTO> over(Instant from, Instant to) {
        return ask("dashboard figures", () -> client.dashboard(from, to));
    }

    private static <T> Optional<T> ask(String what, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (RuntimeException e) {
            log.warn("reward-service {} unavailable: {}", what, e.toString());
            return Optional.empty();
        }
    }
}
