package io.laxin.invite.campaign.infra;

import static io.laxin.invite.shared.UtcTimes.fromRow;
import static io.laxin.invite.shared.UtcTimes.toRow;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignPolicies;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.invite.campaign.domain.Landing;
import io.laxin.invite.campaign.domain.RewardPolicy;
import io.laxin.invite.campaign.domain.WhoMayRefer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/**
 * Campaign rows, each read with the policy of its current version ({@code policy_version}). The row's reward
 * columns repeat the current version's two rewards and hold period, for readers of the table; the full policy is
 * the {@code campaign_policy} row.
 */
@Repository
class MybatisCampaigns implements Campaigns {

    private final CampaignMapper mapper;
    private final CampaignPolicies policies;
    private final Clock clock;

    MybatisCampaigns(CampaignMapper mapper, CampaignPolicies policies, Clock clock) {
        this.mapper = mapper;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Campaign add(Campaign c) {
        CampaignDO row = rowOf(c);
        row.setCreatedBy(c.createdBy());
        row.setCreatedAt(toRow(clock.instant()));
        mapper.insert(row);
        return c.withId(row.getId());
    }

    @Override
    public Optional<Campaign> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(this::withPolicy);
    }

    @Override
    public Optional<Campaign> lock(long id) {
        return Optional.ofNullable(mapper.selectForUpdate(id)).map(this::withPolicy);
    }

    @Override
    public void update(Campaign c) {
        CampaignDO row = rowOf(c);
        row.setId(c.id());
        if (mapper.updateById(row) != 1) {
            throw new IllegalStateException("Campaign " + c.id() + " vanished while it was updated");
        }
    }

    @Override
    public Page search(Query q) {
        List<CampaignDO> rows = mapper.selectList(filter(q)
                .orderByDesc(CampaignDO::getId)
                .last("LIMIT " + q.size() + " OFFSET " + (long) q.page() * q.size()));
        long total = mapper.selectCount(filter(q));
        Map<String, RewardPolicy> current = policies
                .allOf(rows.stream().map(CampaignDO::getId).toList())
                .stream()
                .collect(Collectors.toMap(v -> v.campaignId() + "/" + v.version(), CampaignPolicies.Version::policy));
        List<Campaign> items = rows.stream()
                .map(r -> toDomain(r, current.get(r.getId() + "/" + r.getPolicyVersion())))
                .toList();
        return new Page(items, total, q.page(), q.size());
    }

    private static LambdaQueryWrapper<CampaignDO> filter(Query q) {
        return Wrappers.<CampaignDO>lambdaQuery()
                .eq(
                        q.status() != null,
                        CampaignDO::getStatus,
                        q.status() == null ? null : q.status().name())
                .like(q.nameContains() != null, CampaignDO::getName, q.nameContains());
    }

    private static CampaignDO rowOf(Campaign c) {
        CampaignDO row = new CampaignDO();
        row.setName(c.name());
        row.setStatus(c.status().name());
        row.setStartsAt(toRow(c.startsAt()));
        row.setEndsAt(toRow(c.endsAt()));
        row.setAttributionWindowDays(c.attributionWindowDays());
        row.setBindingMode(c.bindingMode().name());
        row.setLegacyDeviceIds(c.legacyDeviceIds());
        row.setLandingUrl(c.landing().url());
        row.setMiniProgramPage(c.landing().miniProgramPage());
        row.setReferrers(c.referrers().name());
        row.setReferrerRewardKind(c.rewardPolicy().referrerReward().kind().name());
        row.setReferrerRewardAmount(c.rewardPolicy().referrerReward().amount());
        row.setInviteeRewardKind(c.rewardPolicy().inviteeReward().kind().name());
        row.setInviteeRewardAmount(c.rewardPolicy().inviteeReward().amount());
        row.setHoldDays(c.rewardPolicy().holdDays());
        row.setPolicyVersion(c.policyVersion());
        return row;
    }

    private Campaign withPolicy(CampaignDO r) {
        return toDomain(
                r,
                policies.find(r.getId(), r.getPolicyVersion())
                        .orElseThrow(() -> new IllegalStateException(
                                "Campaign " + r.getId() + " has no policy version " + r.getPolicyVersion())));
    }

    private static Campaign toDomain(CampaignDO r, RewardPolicy policy) {
        return new Campaign(
                r.getId(),
                r.getName(),
                CampaignStatus.valueOf(r.getStatus()),
                fromRow(r.getStartsAt()),
                fromRow(r.getEndsAt()),
                r.getAttributionWindowDays(),
                BindingMode.valueOf(r.getBindingMode()),
                new Landing(r.getLandingUrl(), r.getMiniProgramPage()),
                WhoMayRefer.valueOf(r.getReferrers()),
                policy,
                r.getPolicyVersion(),
                r.getCreatedBy(),
                Boolean.TRUE.equals(r.getLegacyDeviceIds()));
    }
}
