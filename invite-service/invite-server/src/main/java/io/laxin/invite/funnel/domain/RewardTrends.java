package io.laxin.invite.funnel.domain;

import io.laxin.reward.api.dto.RewardDashboardDTO;
import java.time.Instant;
import java.util.Optional;

/** Port: reward-service's side of the dashboard (empty when it cannot be asked now; the dashboard shows the rest). */
public interface RewardTrends {

    Optional<RewardDashboardDTO> over(Instant from, Instant to);
}
