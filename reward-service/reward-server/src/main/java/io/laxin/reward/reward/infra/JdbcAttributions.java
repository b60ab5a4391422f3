package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.reward.reward.domain.RewardPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Attributions on MySQL; the policy is kept as JSON, exactly as the event carried it. */
@Repository
class JdbcAttributions implements Attributions {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RowMapper<Attribution> row;

    JdbcAttributions(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.row = (rs, i) -> new Attribution(
                rs.getLong("referral_id"),
                rs.getLong("campaign_id"),
                rs.getString("referrer_user_id"),
                rs.getString("invitee_user_id"),
                rs.getInt("policy_version"),
                json.readValue(rs.getString("policy"), RewardPolicy.class),
                rs.getTimestamp("attributed_at").toInstant(),
                "REVOKED".equals(rs.getString("status")));
    }

    @Override
    public void guardInvitee(String inviteeUserId) {
        // on a duplicate key, INSERT ... ON DUPLICATE KEY UPDATE takes an exclusive lock on the existing row at once
        // (a plain INSERT takes a shared one first, and two waiters then deadlock on the upgrade)
        jdbc.update(
                "INSERT INTO invitee_guard (user_id) VALUES (?) ON DUPLICATE KEY UPDATE user_id = user_id",
                inviteeUserId);
    }

    @Override
    public boolean add(Attribution a) {
        try {
            jdbc.update(
                    "INSERT INTO attribution (referral_id, campaign_id, referrer_user_id, invitee_user_id, "
                            + "policy_version, policy, attributed_at, status, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)",
                    a.referralId(),
                    a.campaignId(),
                    a.referrerUserId(),
                    a.inviteeUserId(),
                    a.policyVersion(),
                    json.writeValueAsString(a.policy()),
                    Timestamp.from(a.attributedAt()),
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException known) {
            return false;
        }
    }

    @Override
    public List<Attribution> ofInvitee(long campaignId, String inviteeUserId) {
        return jdbc.query(
                "SELECT * FROM attribution WHERE campaign_id = ? AND invitee_user_id = ? " + "ORDER BY referral_id",
                row,
                campaignId,
                inviteeUserId);
    }

    @Override
    public Optional<Attribution> latestActiveOfInvitee(String inviteeUserId) {
        return jdbc
                .query(
                        "SELECT * FROM attribution WHERE invitee_user_id = ? AND status = 'ACTIVE' "
                                + "ORDER BY attributed_at DESC, referral_id DESC LIMIT 1",
                        row,
                        inviteeUserId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean anyRevokedOfInvitee(String inviteeUserId) {
        return !jdbc.queryForList(
                        "SELECT referral_id FROM attribution "
                                + "WHERE invitee_user_id = ? AND status = 'REVOKED' LIMIT 1",
                        Long.class,
                        inviteeUserId)
                .isEmpty();
    }

    @Override
    public void markRevoked(long referralId, String reason) {
        jdbc.update(
                "UPDATE attribution SET status = 'REVOKED', status_reason = ? WHERE referral_id = ?",
                reason,
                referralId);
    }

    @Override
    public int countNextForReferrer(long campaignId, String referrerUserId) {
        // lock the existing row; insert only when there is none (an insert that hits an existing row takes a shared
        // lock first, and two such deliveries then deadlock on the upgrade)
        List<Integer> counted = lockTally(campaignId, referrerUserId);
        if (counted.isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO referrer_tally (campaign_id, user_id, attributed) VALUES (?, ?, 0)",
                        campaignId,
                        referrerUserId);
            } catch (DuplicateKeyException raced) {
                // another delivery for this referrer inserted it first
            }
            counted = lockTally(campaignId, referrerUserId);
        }
        int next = counted.get(0) + 1;
        jdbc.update(
                "UPDATE referrer_tally SET attributed = ? WHERE campaign_id = ? AND user_id = ?",
                next,
                campaignId,
                referrerUserId);
        return next;
    }

    @Override
    public int countStandingOfReferrer(long campaignId, String referrerUserId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM attribution WHERE campaign_id = ? AND referrer_user_id = ? "
                        + "AND status <> 'REVOKED'",
                Integer.class,
                campaignId,
                referrerUserId);
    }

    private List<Integer> lockTally(long campaignId, String referrerUserId) {
        return jdbc.queryForList(
                "SELECT attributed FROM referrer_tally WHERE campaign_id = ? AND user_id = ? " + "FOR UPDATE",
                Integer.class,
                campaignId,
                referrerUserId);
    }
}
