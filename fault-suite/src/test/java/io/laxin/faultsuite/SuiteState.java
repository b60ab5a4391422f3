package io.laxin.faultsuite;

import io.laxin.faultsuite.Books.Account;
import io.laxin.faultsuite.Observed.RewardRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the suite's actual state with SQL from its private MariaDB. */
final class SuiteState {

    private SuiteState() {}

    static Observed read(Cluster cluster) throws SQLException {
        List<RewardRow> rewards = new ArrayList<>();
        Map<String, Long> units = new TreeMap<>();
        Map<Account, Long> earned = new HashMap<>();
        Map<Account, Long> paid = new HashMap<>();
        long unbalancedPostings;
        long parked = 0;
        try (Connection c = cluster.jdbc(Cluster.REWARD);
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, campaign_id, referral_id, user_id, source, status, amount, "
                    + "business_key, order_id, beneficiary FROM reward")) {
                while (r.next()) {
                    rewards.add(new RewardRow(
                            r.getLong(1),
                            r.getLong(2),
                            r.getLong(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            r.getLong(7),
                            r.getString(8),
                            r.getString(9),
                            r.getString(10)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT unit, SUM(amount) FROM ledger_entry GROUP BY unit")) {
                while (r.next()) {
                    units.put(r.getString(1), r.getLong(2));
                }
            }
            unbalancedPostings = count(
                    s,
                    "SELECT COUNT(*) FROM (SELECT posting_id FROM ledger_entry "
                            + "GROUP BY posting_id, unit HAVING SUM(amount) <> 0) x");
            // what a user earned = what every payable account (pending, available, settled, paid out) owes them
            try (ResultSet r = s.executeQuery("SELECT campaign_id, user_id, -SUM(amount) FROM ledger_entry "
                    + "WHERE unit = 'FEN' AND account <> 'CAMPAIGN_EXPENSE' GROUP BY campaign_id, user_id")) {
                while (r.next()) {
                    earned.put(new Account(r.getLong(1), String.valueOf(r.getString(2))), r.getLong(3));
                }
            }
            try (ResultSet r =
                    s.executeQuery("SELECT b.campaign_id, l.user_id, SUM(l.amount_fen) FROM settlement_line l "
                            + "JOIN settlement_batch b ON b.id = l.batch_id WHERE b.state = 'PAID' "
                            + "GROUP BY b.campaign_id, l.user_id")) {
                while (r.next()) {
                    paid.put(new Account(r.getLong(1), r.getString(2)), r.getLong(3));
                }
            }
            parked += parked(s);
        }
        Map<Long, String> referrals = new HashMap<>();
        long pendingWithoutCase;
        try (Connection c = cluster.jdbc(Cluster.INVITE);
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, status FROM referral")) {
                while (r.next()) {
                    referrals.put(r.getLong(1), r.getString(2));
                }
            }
            // both schemas live on the one private MariaDB
            pendingWithoutCase = count(
                    s,
                    "SELECT COUNT(*) FROM referral f WHERE f.status = 'PENDING_REVIEW' "
                            + "AND NOT EXISTS (SELECT 1 FROM " + Cluster.schema(Cluster.ANTIFRAUD) + ".risk_case k "
                            + "WHERE k.campaign_id = f.campaign_id AND k.invitee_user_id = f.invitee_user_id "
                            + "AND k.status = 'OPEN')");
            parked += parked(s);
        }
        try (Connection c = cluster.jdbc(Cluster.ANTIFRAUD);
                Statement s = c.createStatement()) {
            parked += parked(s);
        }
        return new Observed(rewards, units, unbalancedPostings, earned, referrals, pendingWithoutCase, paid, parked);
    }

    /** Messages a consumer gave up on and not replayed, and outbox rows the relay parked. */
    private static long parked(Statement s) throws SQLException {
        return count(s, "SELECT COUNT(*) FROM parked_message WHERE replayed_at IS NULL")
                + count(s, "SELECT COUNT(*) FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL");
    }

    /** Outbox rows not sent yet (the relay is behind, e.g. after the broker's restart). */
    static long unsent(Cluster cluster) throws SQLException {
        long n = 0;
        for (String service : List.of(Cluster.REWARD, Cluster.INVITE, Cluster.ANTIFRAUD)) {
            try (Connection c = cluster.jdbc(service);
                    Statement s = c.createStatement()) {
                n += count(s, "SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL");
            }
        }
        return n;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
