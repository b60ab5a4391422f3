package io.laxin.invite.funnel.infra;

import io.laxin.reward.api.RewardApi;
import org.springframework.cloud.openfeign.FeignClient;

@FeignClient(name = "reward-service", url = "${laxin.services.reward-url}")
interface RewardClient extends RewardApi {}
