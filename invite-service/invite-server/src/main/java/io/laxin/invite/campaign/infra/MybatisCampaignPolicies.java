package io.laxin.invite.campaign.infra;

import static io.laxin.invite.shared.UtcTimes.fromRow;
import static io.laxin.invite.shared.UtcTimes.toRow;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.invite.campaign.domain.CampaignPolicies;
import io.laxin.invite.campaign.domain.RewardPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Policy versions as the published {@link RewardPolicyDTO} JSON, so the stored form is the form events carry. */
@Repository
class MybatisCampaignPolicies implements CampaignPolicies {

    private final CampaignPolicyMapper mapper;
    private final JsonMapper json;
    private final Clock clock;

    MybatisCampaignPolicies(CampaignPolicyMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void add(long campaignId, int version, RewardPolicy policy, String createdBy) {
        mapper.insert(row(campaignId, version, policy, createdBy));
    }

    @Override
    public void replace(long campaignId, int version, RewardPolicy policy, String createdBy) {
        if (mapper.update(row(campaignId, version, policy, createdBy), at(campaignId, version)) != 1) {
            throw new IllegalStateException("Campaign " + campaignId + " has no policy version " + version);
        }
    }

    @Override
    public Optional<RewardPolicy> find(long campaignId, int version) {
        return Optional.ofNullable(mapper.selectOne(at(campaignId, version)))
                .map(r -> toDomain(r).policy());
    }

    @Override
    public List<Version> allOf(List<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return mapper
                .selectList(Wrappers.<CampaignPolicyDO>lambdaQuery().in(CampaignPolicyDO::getCampaignId, campaignIds))
                .stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<Version> history(long campaignId) {
        return mapper
                .selectList(Wrappers.<CampaignPolicyDO>lambdaQuery()
                        .eq(CampaignPolicyDO::getCampaignId, campaignId)
                        .orderByDesc(CampaignPolicyDO::getVersion))
                .stream()
                .map(this::toDomain)
                .toList();
    }

    private static LambdaQueryWrapper<CampaignPolicyDO> at(long campaignId, int version) {
        return Wrappers.<CampaignPolicyDO>lambdaQuery()
                .eq(CampaignPolicyDO::getCampaignId, campaignId)
                .eq(CampaignPolicyDO::getVersion, version);
    }

    private CampaignPolicyDO row(long campaignId, int version, RewardPolicy policy, String createdBy) {
        CampaignPolicyDO row = new CampaignPolicyDO();
        row.setCampaignId(campaignId);
        row.setVersion(version);
        row.setPolicy(json.writeValueAsString(RewardPolicyDtos.toDto(policy)));
        row.setCreatedAt(toRow(clock.instant()));
        row.setCreatedBy(createdBy);
        return row;
    }

    private Version toDomain(CampaignPolicyDO r) {
        RewardPolicy policy = RewardPolicyDtos.fromDto(json.readValue(r.getPolicy(), RewardPolicyDTO.class));
        return new Version(r.getCampaignId(), r.getVersion(), policy, fromRow(r.getCreatedAt()), r.getCreatedBy());
    }
}
