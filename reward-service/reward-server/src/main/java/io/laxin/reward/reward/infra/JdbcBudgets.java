package io.laxin.reward.reward.infra;

import io.laxin.reward.reward.domain.Budgets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Budgets on MySQL. A charge is one conditional UPDATE ({@code used + cost <= budget}): the row lock serialises
 * concurrent charges and the condition makes overdrawing impossible, on any number of replicas.
 */
@Repository
class JdbcBudgets implements Budgets {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcBudgets(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean charge(long campaignId, int policyVersion, Long budgetFen, long costFen) {
        Timestamp now = Timestamp.from(clock.instant());
        // a plain read first: inserting a row that exists would take a shared lock and deadlock concurrent chargers
        List<Integer> stored = jdbc.queryForList(
                "SELECT policy_version FROM campaign_budget WHERE campaign_id = ?", Integer.class, campaignId);
        if (stored.isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO campaign_budget (campaign_id, budget_fen, used_fen, policy_version, "
                                + "updated_at) VALUES (?, ?, 0, ?, ?)",
                        campaignId,
                        budgetFen,
                        policyVersion,
                        now);
            } catch (DuplicateKeyException raced) {
                // another delivery created it first; the version check below still applies
                stored = List.of(Integer.MIN_VALUE);
            }
        }
        if (!stored.isEmpty() && stored.get(0) < policyVersion) {
            jdbc.update(
                    "UPDATE campaign_budget SET budget_fen = ?, policy_version = ?, updated_at = ? "
                            + "WHERE campaign_id = ? AND policy_version < ?",
                    budgetFen,
                    policyVersion,
                    now,
                    campaignId,
                    policyVersion);
        }
        if (costFen <= 0) {
            return true;
        }
        return jdbc.update(
                        "UPDATE campaign_budget SET used_fen = used_fen + ?, updated_at = ? WHERE campaign_id = ? "
                                + "AND (budget_fen IS NULL OR used_fen + ? <= budget_fen)",
                        costFen,
                        now,
                        campaignId,
                        costFen)
                == 1;
    }

    @Override
    public void giveBack(long campaignId, long costFen) {
        jdbc.update(
                "UPDATE campaign_budget SET used_fen = used_fen - ?, updated_at = ? WHERE campaign_id = ?",
                costFen,
                Timestamp.from(clock.instant()),
                campaignId);
    }
}
