package io.laxin.invite.referral.infra;

import static io.laxin.invite.shared.UtcTimes.fromRow;
import static io.laxin.invite.shared.UtcTimes.toRow;

import io.laxin.invite.referral.domain.Referral;
import io.laxin.invite.referral.domain.ReferralStatus;
import io.laxin.invite.referral.domain.Referrals;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisReferrals implements Referrals {

    private static final String REASON_SEPARATOR = "\n";

    private final ReferralMapper mapper;

    MybatisReferrals(ReferralMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<Referral> findByInvitee(long campaignId, String inviteeUserId) {
        return Optional.ofNullable(mapper.selectByInvitee(campaignId, inviteeUserId))
                .map(MybatisReferrals::toDomain);
    }

    @Override
    public Optional<Referral> tryAdd(Referral r) {
        ReferralDO row = new ReferralDO();
        row.setCampaignId(r.campaignId());
        row.setReferrerUserId(r.referrerUserId());
        row.setInviteeUserId(r.inviteeUserId());
        row.setInviteCode(r.inviteCode());
        row.setChannel(r.channel());
        row.setStatus(r.status().name());
        row.setReasons(String.join(REASON_SEPARATOR, r.reasons()));
        row.setScreeningId(r.screeningId());
        row.setPolicyVersion(r.policyVersion());
        row.setInviteeDeviceId(r.inviteeDeviceId());
        row.setIp(r.ip());
        row.setRegisteredAt(toRow(r.registeredAt()));
        row.setDecidedAt(toRow(r.decidedAt()));
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(r.withId(row.getId()));
    }

    @Override
    public Map<ReferralStatus, Long> countByStatus(long campaignId) {
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        Arrays.stream(ReferralStatus.values()).forEach(s -> counts.put(s, 0L));
        for (Map<String, Object> row : mapper.countByStatus(campaignId)) {
            Object status = row.containsKey("status") ? row.get("status") : row.get("STATUS");
            Object n = row.containsKey("n") ? row.get("n") : row.get("N");
            counts.put(ReferralStatus.valueOf(status.toString()), ((Number) n).longValue());
        }
        return counts;
    }

    @Override
    public boolean transition(
            long referralId,
            ReferralStatus from,
            ReferralStatus to,
            List<String> reasons,
            java.time.Instant decidedAt) {
        ReferralDO change = new ReferralDO();
        change.setStatus(to.name());
        change.setReasons(String.join(REASON_SEPARATOR, reasons));
        change.setDecidedAt(toRow(decidedAt));
        return mapper.update(
                        change,
                        new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<ReferralDO>()
                                .eq(ReferralDO::getId, referralId)
                                .eq(ReferralDO::getStatus, from.name()))
                == 1;
    }

    @Override
    public void recordScreening(long referralId, String screeningId, List<String> reasons) {
        ReferralDO change = new ReferralDO();
        change.setScreeningId(screeningId);
        change.setReasons(String.join(REASON_SEPARATOR, reasons));
        mapper.update(
                change,
                new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<ReferralDO>()
                        .eq(ReferralDO::getId, referralId)
                        .eq(ReferralDO::getStatus, ReferralStatus.PENDING_REVIEW.name()));
    }

    @Override
    public List<Referral> ofReferrer(long campaignId, String referrerUserId, int limit) {
        return mapper.selectOfReferrer(campaignId, referrerUserId, limit).stream()
                .map(MybatisReferrals::toDomain)
                .toList();
    }

    @Override
    public List<Referral> ofInvitee(String inviteeUserId) {
        return mapper.selectOfInvitee(inviteeUserId).stream()
                .map(MybatisReferrals::toDomain)
                .toList();
    }

    @Override
    public List<DailyCount> dailyCounts(long campaignId, java.time.Instant from, java.time.Instant to) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        for (ReferralDO r : mapper.selectRegisteredBetween(campaignId, toRow(from), toRow(to))) {
            long[] n = counts.computeIfAbsent(
                    r.getRegisteredAt().toLocalDate() + "|" + r.getChannel() + "|" + r.getStatus(), k -> new long[2]);
            n[0]++;
            n[1] += r.getFirstOrderAt() == null ? 0 : 1;
        }
        return counts.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\\|");
                    return new DailyCount(
                            java.time.LocalDate.parse(k[0]),
                            k[1],
                            ReferralStatus.valueOf(k[2]),
                            e.getValue()[0],
                            e.getValue()[1]);
                })
                .toList();
    }

    @Override
    public int markFirstOrder(String inviteeUserId, String orderId, java.time.Instant paidAt) {
        ReferralDO change = new ReferralDO();
        change.setFirstOrderAt(toRow(paidAt));
        change.setFirstOrderId(orderId);
        return mapper.update(
                change,
                new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<ReferralDO>()
                        .eq(ReferralDO::getInviteeUserId, inviteeUserId)
                        .isNull(ReferralDO::getFirstOrderAt)
                        .le(ReferralDO::getRegisteredAt, toRow(paidAt)));
    }

    @Override
    public List<Attributed> attributed(long campaignId) {
        return mapper
                .selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<ReferralDO>()
                        .select(ReferralDO::getId, ReferralDO::getReferrerUserId, ReferralDO::getDecidedAt)
                        .eq(ReferralDO::getCampaignId, campaignId)
                        .eq(ReferralDO::getStatus, ReferralStatus.ATTRIBUTED.name()))
                .stream()
                .map(r -> new Attributed(r.getId(), r.getReferrerUserId(), fromRow(r.getDecidedAt())))
                .toList();
    }

    @Override
    public Optional<java.time.Instant> latestAttribution(long campaignId, String referrerUserId) {
        return mapper
                .selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<ReferralDO>()
                        .select(ReferralDO::getDecidedAt)
                        .eq(ReferralDO::getCampaignId, campaignId)
                        .eq(ReferralDO::getReferrerUserId, referrerUserId)
                        .eq(ReferralDO::getStatus, ReferralStatus.ATTRIBUTED.name())
                        .orderByDesc(ReferralDO::getDecidedAt)
                        .last("LIMIT 1"))
                .stream()
                .findFirst()
                .map(r -> fromRow(r.getDecidedAt()));
    }

    @Override
    public List<String> chainAbove(long campaignId, String userId, int maxDepth) {
        List<String> chain = new java.util.ArrayList<>();
        String current = userId;
        for (int i = 0; i < maxDepth; i++) {
            ReferralDO up = mapper.selectByInvitee(campaignId, current);
            if (up == null
                    || ReferralStatus.REJECTED.name().equals(up.getStatus())
                    || chain.contains(up.getReferrerUserId())) {
                break;
            }
            chain.add(up.getReferrerUserId());
            current = up.getReferrerUserId();
        }
        return chain;
    }

    private static Referral toDomain(ReferralDO r) {
        List<String> reasons = r.getReasons() == null || r.getReasons().isEmpty()
                ? List.of()
                : List.of(r.getReasons().split(REASON_SEPARATOR));
        return new Referral(
                r.getId(),
                r.getCampaignId(),
                r.getReferrerUserId(),
                r.getInviteeUserId(),
                r.getInviteCode(),
                r.getChannel(),
                ReferralStatus.valueOf(r.getStatus()),
                reasons,
                r.getScreeningId(),
                r.getPolicyVersion(),
                r.getInviteeDeviceId(),
                r.getIp(),
                fromRow(r.getRegisteredAt()),
                fromRow(r.getDecidedAt()));
    }
}
