package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.domain.RewardBatches;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reward table as a settlement batch moves it: a few statements per chunk, never one per reward. Claiming walks
 * ix_reward_collect by id; per-user work walks ix_reward_batch (settlement_batch_id, user_id).
 */
@Repository
class JdbcRewardBatches implements RewardBatches {

    private static final String COLLECTABLE = "campaign_id = ? AND kind = 'CASH' AND status = 'AVAILABLE' "
            + "AND settlement_batch_id IS NULL AND released_at < ?";

    private final JdbcTemplate jdbc;

    JdbcRewardBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countCollectable(long campaignId, Instant releasedBefore) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM reward WHERE " + COLLECTABLE,
                Long.class,
                campaignId,
                Timestamp.from(releasedBefore));
        return n == null ? 0 : n;
    }

    @Override
    public Optional<Claimed> claimNext(long batchId, long campaignId, Instant releasedBefore, long afterId, int limit) {
        Timestamp before = Timestamp.from(releasedBefore);
        // keyset over ix_reward_collect (covering), then an update by primary-key range: the update never scans
        // what earlier chunks already claimed
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM reward WHERE " + COLLECTABLE + " AND id > ? ORDER BY id LIMIT ?",
                Long.class,
                campaignId,
                before,
                afterId,
                limit);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long lastId = ids.get(ids.size() - 1);
        // the WHERE re-checks settlement_batch_id IS NULL on the locked row: a reward a concurrent batch claimed
        // first is skipped, never taken twice
        int claimed = jdbc.update(
                "UPDATE reward SET settlement_batch_id = ? WHERE id > ? AND id <= ? AND " + COLLECTABLE,
                batchId,
                afterId,
                lastId,
                campaignId,
                before);
        return Optional.of(new Claimed(lastId, claimed));
    }

    @Override
    public List<UserRewards> usersAfter(long batchId, String afterUser, int limit) {
        return jdbc.query(
                "SELECT user_id, COUNT(*) AS n FROM reward WHERE settlement_batch_id = ? AND user_id > ? "
                        + "GROUP BY user_id ORDER BY user_id LIMIT ?",
                (rs, i) -> new UserRewards(rs.getString("user_id"), rs.getLong("n")),
                batchId,
                afterUser,
                limit);
    }

    @Override
    public int releaseCarriedOver(long batchId, String afterUser, String lastUser) {
        return jdbc.update(
                "UPDATE reward SET settlement_batch_id = NULL WHERE settlement_batch_id = ? "
                        + "AND user_id > ? AND user_id <= ? AND user_id NOT IN (SELECT l.user_id FROM settlement_line l "
                        + "WHERE l.batch_id = ? AND l.user_id > ? AND l.user_id <= ?)",
                batchId,
                afterUser,
                lastUser,
                batchId,
                afterUser,
                lastUser);
    }

    @Override
    public int releaseAll(long batchId) {
        return jdbc.update(
                "UPDATE reward SET settlement_batch_id = NULL WHERE settlement_batch_id = ? "
                        + "AND status = 'AVAILABLE'",
                batchId);
    }

    @Override
    public int settle(long batchId, Instant at) {
        return jdbc.update(
                "UPDATE reward SET status = 'SETTLED', settled_at = ?, version = version + 1 "
                        + "WHERE settlement_batch_id = ? AND status = 'AVAILABLE'",
                Timestamp.from(at),
                batchId);
    }

    @Override
    public int countAdjustedAfterCollection(long batchId) {
        return jdbc.queryForList(
                        "SELECT id FROM reward WHERE adjusts_reward_id IN "
                                + "(SELECT id FROM reward WHERE settlement_batch_id = ?) "
                                + "AND (settlement_batch_id IS NULL OR settlement_batch_id <> ?) FOR UPDATE",
                        Long.class,
                        batchId,
                        batchId)
                .size();
    }

    @Override
    public int pay(long batchId, Instant at) {
        return jdbc.update(
                "UPDATE reward SET status = 'PAID', paid_at = ?, version = version + 1 "
                        + "WHERE settlement_batch_id = ? AND status = 'SETTLED'",
                Timestamp.from(at),
                batchId);
    }
}
