package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.domain.RiskBlocks;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRiskBlocks implements RiskBlocks {

    private final JdbcTemplate jdbc;

    JdbcRiskBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void block(long campaignId, String inviteeUserId, String reason, String eventId, Instant at) {
        try {
            jdbc.update(
                    "INSERT INTO risk_block (campaign_id, invitee_user_id, reason, event_id, blocked_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    campaignId,
                    inviteeUserId,
                    reason,
                    eventId,
                    Timestamp.from(at));
        } catch (DuplicateKeyException already) {
            // blocked by an earlier verdict; the first reason stands
        }
    }

    @Override
    public boolean isBlocked(long campaignId, String inviteeUserId) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk_block WHERE campaign_id = ? AND invitee_user_id = ?",
                Long.class,
                campaignId,
                inviteeUserId);
        return n != null && n > 0;
    }
}
