package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardStatus;
import io.laxin.reward.reward.domain.Rewards;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

@Repository
class MybatisRewards implements Rewards {

    private final RewardMapper mapper;

    MybatisRewards(RewardMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public int addAll(List<Reward> rewards) {
        int added = 0;
        for (Reward r : rewards) {
            try {
                mapper.insert(toRow(r));
                added++;
            } catch (DuplicateKeyException alreadyIssued) {
                // the business key guards against a second delivery that slipped past the event guard
            }
        }
        return added;
    }

    @Override
    public List<Reward> ofUser(String userId, int limit) {
        return mapper.selectNewestOfUser(userId, limit).stream().map(MybatisRewards::toDomain).toList();
    }

    @Override
    public CampaignCounts countCampaign(long campaignId) {
        return new CampaignCounts(mapper.countOfCampaign(campaignId, Beneficiary.REFERRER.name()),
                mapper.countOfCampaign(campaignId, Beneficiary.INVITEE.name()),
                mapper.countPendingOfCampaign(campaignId));
    }

    private static RewardDO toRow(Reward r) {
        RewardDO row = new RewardDO();
        row.setCampaignId(r.campaignId());
        row.setReferralId(r.referralId());
        row.setUserId(r.userId());
        row.setBeneficiary(r.beneficiary().name());
        row.setKind(r.kind().name());
        row.setAmount(r.amount());
        row.setStatus(r.status().name());
        row.setReleaseAt(utc(r.releaseAt()));
        row.setBusinessKey(r.businessKey());
        row.setSourceEventId(r.sourceEventId());
        row.setPolicyVersion(r.policyVersion());
        row.setCreatedAt(utc(r.createdAt()));
        return row;
    }

    private static Reward toDomain(RewardDO r) {
        return new Reward(r.getId(), r.getCampaignId(), r.getReferralId(), r.getUserId(),
                Beneficiary.valueOf(r.getBeneficiary()), RewardKind.valueOf(r.getKind()), r.getAmount(),
                RewardStatus.valueOf(r.getStatus()), instant(r.getReleaseAt()), r.getBusinessKey(),
                r.getSourceEventId(), r.getPolicyVersion(), instant(r.getCreatedAt()));
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
    }
}
