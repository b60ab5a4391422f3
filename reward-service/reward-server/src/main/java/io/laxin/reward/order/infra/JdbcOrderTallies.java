package io.laxin.reward.order.infra;

import io.laxin.reward.order.domain.OrderTallies;
import java.util.OptionalInt;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Qualifying-order counters on MySQL ({@code order_tally}), read with {@code SELECT ... FOR UPDATE}. */
@Repository
class JdbcOrderTallies implements OrderTallies {

    private final JdbcTemplate jdbc;

    JdbcOrderTallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the row first and inserts it only when missing: inserting first would take a shared lock on the
     * duplicate, and two transactions holding it would deadlock on the update.
     */
    @Override
    public OptionalInt nextQualifying(long referralId, Integer firstOrders) {
        Integer counted = locked(referralId);
        if (counted == null) {
            try {
                jdbc.update("INSERT INTO order_tally (referral_id, qualifying) VALUES (?, 0)", referralId);
            } catch (DuplicateKeyException concurrentFirst) {
                // another transaction created it meanwhile; its lock is waited for below
            }
            counted = locked(referralId);
        }
        int n = counted == null ? 0 : counted;
        if (firstOrders != null && n >= firstOrders) {
            return OptionalInt.empty();
        }
        jdbc.update("UPDATE order_tally SET qualifying = ? WHERE referral_id = ?", n + 1, referralId);
        return OptionalInt.of(n + 1);
    }

    private Integer locked(long referralId) {
        return jdbc
                .queryForList(
                        "SELECT qualifying FROM order_tally WHERE referral_id = ? FOR UPDATE",
                        Integer.class,
                        referralId)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
