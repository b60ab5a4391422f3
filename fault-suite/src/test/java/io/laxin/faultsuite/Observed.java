package io.laxin.faultsuite;

import io.laxin.faultsuite.Books.Account;
import java.util.List;
import java.util.Map;

/**
 * The suite's actual state at the end, read with SQL from its databases.
 *
 * @param rewards              every row of reward-service's {@code reward}
 * @param ledgerSumByUnit      the sum of all ledger entries per unit (0 when balanced)
 * @param unbalancedPostings   postings whose lines do not sum to 0
 * @param ledgerExpenseFen     per user and campaign, the FEN booked to CAMPAIGN_EXPENSE for them (what they cost)
 * @param referralStatus       invite-service's referrals: id → status
 * @param pendingReviewWithoutCase referrals PENDING_REVIEW with no OPEN review case in antifraud-service
 * @param paidFen              per user and campaign, the lines of PAID settlement batches
 * @param parked               messages the consumers gave up on plus outbox rows the relay parked, all services
 */
record Observed(
        List<RewardRow> rewards,
        Map<String, Long> ledgerSumByUnit,
        long unbalancedPostings,
        Map<Account, Long> ledgerExpenseFen,
        Map<Long, String> referralStatus,
        long pendingReviewWithoutCase,
        Map<Account, Long> paidFen,
        long parked) {

    record RewardRow(
            long id,
            long campaignId,
            long referralId,
            String userId,
            String source,
            String status,
            long amount,
            String businessKey,
            String orderId,
            String beneficiary) {

        /** Counts towards what the user is owed: not revoked or refused (a reduced pending one counts its rest). */
        boolean stands() {
            return !status.equals("REVOKED") && !status.equals("REFUSED");
        }
    }
}
