package io.laxin.invite.campaign.infra;

import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.invite.campaign.domain.RewardPolicy;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.Optional;

import static io.laxin.invite.shared.UtcTimes.fromRow;
import static io.laxin.invite.shared.UtcTimes.toRow;

@Repository
class MybatisCampaigns implements Campaigns {

    private final CampaignMapper mapper;
    private final Clock clock;

    MybatisCampaigns(CampaignMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Campaign add(Campaign c) {
        CampaignDO row = new CampaignDO();
        row.setName(c.name());
        row.setStatus(c.status().name());
        row.setStartsAt(toRow(c.startsAt()));
        row.setEndsAt(toRow(c.endsAt()));
        row.setAttributionWindowDays(c.attributionWindowDays());
        row.setBindingMode(c.bindingMode().name());
        row.setLandingUrl(c.landingUrl());
        row.setReferrerRewardKind(c.rewardPolicy().referrerReward().kind().name());
        row.setReferrerRewardAmount(c.rewardPolicy().referrerReward().amount());
        row.setInviteeRewardKind(c.rewardPolicy().inviteeReward().kind().name());
        row.setInviteeRewardAmount(c.rewardPolicy().inviteeReward().amount());
        row.setHoldDays(c.rewardPolicy().holdDays());
        row.setPolicyVersion(c.policyVersion());
        row.setCreatedBy(c.createdBy());
        row.setCreatedAt(toRow(clock.instant()));
        mapper.insert(row);
        return c.withId(row.getId());
    }

    @Override
    public Optional<Campaign> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisCampaigns::toDomain);
    }

    private static Campaign toDomain(CampaignDO r) {
        RewardPolicy policy = new RewardPolicy(
                new RewardPolicy.Reward(RewardPolicy.Kind.valueOf(r.getReferrerRewardKind()),
                        r.getReferrerRewardAmount()),
                new RewardPolicy.Reward(RewardPolicy.Kind.valueOf(r.getInviteeRewardKind()),
                        r.getInviteeRewardAmount()),
                r.getHoldDays());
        return new Campaign(r.getId(), r.getName(), CampaignStatus.valueOf(r.getStatus()), fromRow(r.getStartsAt()),
                fromRow(r.getEndsAt()), r.getAttributionWindowDays(), BindingMode.valueOf(r.getBindingMode()),
                r.getLandingUrl(), policy,
                r.getPolicyVersion(), r.getCreatedBy());
    }
}
