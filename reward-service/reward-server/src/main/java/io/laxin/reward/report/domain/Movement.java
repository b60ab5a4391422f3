package io.laxin.reward.report.domain;

/**
 * What happened to rewards in a period, each dated by its own column of the reward row:
 * <ul>
 *   <li>ISSUED: granted (not REFUSED, not an adjustment), by {@code created_at}; amount as issued;</li>
 *   <li>RELEASED: hold ended, by {@code released_at}; adjustments excluded;</li>
 *   <li>REVOKED: voided while pending, by {@code revoked_at}; amount as issued;</li>
 *   <li>CLAWED_BACK: negative adjustments taking back released rewards, by {@code created_at}; negative;</li>
 *   <li>PAID: in a confirmed payout, by {@code paid_at}; net of adjustments paid with them.</li>
 * </ul>
 */
public enum Movement {
    ISSUED,
    RELEASED,
    REVOKED,
    CLAWED_BACK,
    PAID
}
