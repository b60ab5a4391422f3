package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.RewardStatus;
import io.laxin.reward.reward.domain.Rewards;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rewards on MySQL (JDBC: the conditional updates and row locks are plain SQL). Status changes are conditional on the row's version (optimistic locking). */
@Repository
class JdbcRewards implements Rewards {

    static final RowMapper<Reward> ROW = JdbcRewards::map;

    private final JdbcTemplate jdbc;

    JdbcRewards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public java.util.Set<Integer> milestonesHeld(long campaignId, String referrerUserId) {
        // the business key ends in :MILESTONE:<nth> (ReferralRewardPlan)
        java.util.Set<Integer> held = new java.util.TreeSet<>();
        jdbc.queryForList(
                        "SELECT business_key FROM reward WHERE user_id = ? AND campaign_id = ? AND source = "
                                + "'MILESTONE' AND status NOT IN ('REVOKED', 'REFUSED')",
                        String.class,
                        referrerUserId,
                        campaignId)
                .forEach(key -> held.add(Integer.parseInt(key.substring(key.lastIndexOf(':') + 1))));
        return held;
    }

    @Override
    public Optional<Reward> add(Reward r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(
                                "INSERT INTO reward (campaign_id, referral_id, user_id, "
                                        + "beneficiary, source, kind, amount, coupon_template_id, issued_amount, cost_fen, status, "
                                        + "status_reason, release_at, business_key, source_event_id, policy_version, order_id, "
                                        + "adjusts_reward_id, released_at, created_at) "
                                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                Statement.RETURN_GENERATED_KEYS);
                        ps.setLong(1, r.campaignId());
                        ps.setLong(2, r.referralId());
                        ps.setString(3, r.userId());
                        ps.setString(4, r.beneficiary().name());
                        ps.setString(5, r.source().name());
                        ps.setString(6, r.kind().name());
                        ps.setLong(7, r.amount());
                        setLong(ps, 8, r.worth().couponTemplateId());
                        ps.setLong(9, r.worth().issuedAmount());
                        ps.setLong(10, r.costFen());
                        ps.setString(11, r.status().name());
                        ps.setString(12, r.standing().statusReason());
                        ps.setTimestamp(13, Timestamp.from(r.standing().releaseAt()));
                        ps.setString(14, r.origin().businessKey());
                        ps.setString(15, r.origin().sourceEventId());
                        ps.setInt(16, r.policyVersion());
                        ps.setString(17, r.origin().orderId());
                        setLong(ps, 18, r.origin().adjustsRewardId());
                        ps.setTimestamp(
                                19, r.status() == RewardStatus.AVAILABLE ? Timestamp.from(r.createdAt()) : null);
                        ps.setTimestamp(20, Timestamp.from(r.createdAt()));
                        return ps;
                    },
                    key);
        } catch (DuplicateKeyException alreadyIssued) {
            // the business key guards against a second delivery that slipped past the event guard
            return Optional.empty();
        }
        return Optional.of(r.withId(key.getKey().longValue()));
    }

    @Override
    public Optional<Reward> byId(long id) {
        return jdbc.query("SELECT * FROM reward WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public List<Reward> ofReferral(long referralId) {
        return jdbc.query("SELECT * FROM reward WHERE referral_id = ? ORDER BY id", ROW, referralId);
    }

    @Override
    public long lockAndSumAdjustments(long id) {
        jdbc.queryForList("SELECT id FROM reward WHERE id = ? FOR UPDATE", Long.class, id);
        // a locking read sees the latest committed adjustments whatever the isolation level (summed here: H2
        // refuses FOR UPDATE on an aggregate)
        return jdbc
                .queryForList("SELECT amount FROM reward WHERE adjusts_reward_id = ? FOR UPDATE", Long.class, id)
                .stream()
                .mapToLong(a -> -a)
                .sum();
    }

    @Override
    public List<Reward> ofUser(String userId, int limit) {
        return jdbc.query("SELECT * FROM reward WHERE user_id = ? ORDER BY id DESC LIMIT ?", ROW, userId, limit);
    }

    @Override
    public boolean changeStatus(long id, int version, RewardStatus to, String reason, Instant at) {
        String stamp = switch (to) {
            case AVAILABLE -> "released_at";
            case REVOKED, REFUSED -> "revoked_at";
            case SETTLED -> "settled_at";
            case PAID -> "paid_at";
            case PENDING -> throw new IllegalArgumentException("A reward never goes back to PENDING");
        };
        return jdbc.update(
                        "UPDATE reward SET status = ?, status_reason = COALESCE(?, status_reason), " + stamp
                                + " = ?, version = version + 1 WHERE id = ? AND version = ?",
                        to.name(),
                        reason,
                        Timestamp.from(at),
                        id,
                        version)
                == 1;
    }

    @Override
    public boolean reduce(long id, int version, long newAmount, long newCostFen) {
        return jdbc.update(
                        "UPDATE reward SET amount = ?, cost_fen = ?, version = version + 1 "
                                + "WHERE id = ? AND version = ? AND status = 'PENDING'",
                        newAmount,
                        newCostFen,
                        id,
                        version)
                == 1;
    }

    @Override
    public List<Reward> lockReleasable(Instant now, int limit) {
        return jdbc.query(
                "SELECT * FROM reward WHERE status = 'PENDING' AND release_at <= ? ORDER BY release_at, id "
                        + "LIMIT ? FOR UPDATE SKIP LOCKED",
                ROW,
                Timestamp.from(now),
                limit);
    }

    @Override
    public List<Reward> lockPendingOfCampaign(long campaignId, int limit) {
        return jdbc.query(
                "SELECT * FROM reward WHERE campaign_id = ? AND status = 'PENDING' ORDER BY id LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED",
                ROW,
                campaignId,
                limit);
    }

    @Override
    public long countReferrerEarnings(long campaignId, String userId, Instant from, Instant to) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM reward r JOIN attribution a ON a.referral_id = r.referral_id "
                        + "WHERE r.campaign_id = ? AND r.user_id = ? AND r.beneficiary = 'REFERRER' "
                        + "AND r.source = 'REFERRAL' AND r.status NOT IN ('REFUSED', 'REVOKED') "
                        + "AND a.attributed_at >= ? AND a.attributed_at < ?",
                Long.class,
                campaignId,
                userId,
                Timestamp.from(from),
                Timestamp.from(to.isAfter(FAR) ? FAR : to));
        return n == null ? 0 : n;
    }

    private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    @Override
    public CampaignCounts countCampaign(long campaignId) {
        return jdbc.queryForObject(
                "SELECT "
                        + "COALESCE(SUM(CASE WHEN beneficiary = 'REFERRER' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN beneficiary = 'INVITEE' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0) "
                        + "FROM reward WHERE campaign_id = ? AND source = 'REFERRAL' AND status <> 'REFUSED'",
                (rs, i) -> new CampaignCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                campaignId);
    }

    private static Reward map(ResultSet rs, int i) throws SQLException {
        return new Reward(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("referral_id"),
                rs.getString("user_id"),
                Beneficiary.valueOf(rs.getString("beneficiary")),
                new Reward.Worth(
                        RewardKind.valueOf(rs.getString("kind")),
                        rs.getLong("amount"),
                        rs.getObject("coupon_template_id", Long.class),
                        rs.getLong("issued_amount"),
                        rs.getLong("cost_fen")),
                new Reward.Origin(
                        RewardSource.valueOf(rs.getString("source")),
                        rs.getString("business_key"),
                        rs.getString("source_event_id"),
                        rs.getInt("policy_version"),
                        rs.getString("order_id"),
                        rs.getObject("adjusts_reward_id", Long.class)),
                new Reward.Standing(
                        RewardStatus.valueOf(rs.getString("status")),
                        rs.getString("status_reason"),
                        rs.getTimestamp("release_at").toInstant(),
                        rs.getObject("settlement_batch_id", Long.class),
                        rs.getInt("version")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
