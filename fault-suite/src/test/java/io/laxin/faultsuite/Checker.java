package io.laxin.faultsuite;

import io.laxin.faultsuite.Books.Account;
import io.laxin.faultsuite.Books.Expected;
import io.laxin.faultsuite.Observed.RewardRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Compares what the script expects ({@link Books}) with what the suite holds ({@link Observed}): the counters. */
final class Checker {

    private Checker() {}

    /**
     * @param lostRewards            rewards the script's registrations and orders must have issued, missing
     * @param duplicatedRewards      rewards beyond the first for one fact (one side of a referral, one order)
     * @param rewardsWithoutReferral referrals that pay something while the script's answers say they must not, or
     *                               that invite-service does not hold as ATTRIBUTED
     * @param balanceMismatches      users whose standing rewards do not add up to what the script computes
     * @param ledgerMismatches       users whose ledger expense does not equal what the script computes
     * @param unbalancedUnits        units whose ledger entries do not sum to 0
     * @param unbalancedPostings     postings whose lines do not sum to 0
     * @param payoutMismatches       users paid other than the script computes
     * @param stuckPendingReview     registrations PENDING_REVIEW without an open review case
     * @param parked                 messages given up on (consumers' parked messages, parked outbox rows)
     * @param details                one line per finding, for the report
     */
    record Counters(
            long lostRewards,
            long duplicatedRewards,
            long rewardsWithoutReferral,
            long balanceMismatches,
            long ledgerMismatches,
            long unbalancedUnits,
            long unbalancedPostings,
            long payoutMismatches,
            long stuckPendingReview,
            long parked,
            List<String> details) {

        boolean ok() {
            return lostRewards
                            + duplicatedRewards
                            + rewardsWithoutReferral
                            + balanceMismatches
                            + ledgerMismatches
                            + unbalancedUnits
                            + unbalancedPostings
                            + payoutMismatches
                            + stuckPendingReview
                            + parked
                    == 0;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder()
                    .append("lost rewards             ")
                    .append(lostRewards)
                    .append('\n')
                    .append("duplicated rewards       ")
                    .append(duplicatedRewards)
                    .append('\n')
                    .append("rewards without referral ")
                    .append(rewardsWithoutReferral)
                    .append('\n')
                    .append("balance mismatches       ")
                    .append(balanceMismatches)
                    .append('\n')
                    .append("ledger mismatches        ")
                    .append(ledgerMismatches)
                    .append('\n')
                    .append("unbalanced units         ")
                    .append(unbalancedUnits)
                    .append('\n')
                    .append("unbalanced postings      ")
                    .append(unbalancedPostings)
                    .append('\n')
                    .append("payout mismatches        ")
                    .append(payoutMismatches)
                    .append('\n')
                    .append("stuck PENDING_REVIEW     ")
                    .append(stuckPendingReview)
                    .append('\n')
                    .append("parked messages          ")
                    .append(parked)
                    .append('\n');
            details.stream().limit(50).forEach(d -> b.append("  ").append(d).append('\n'));
            if (details.size() > 50) {
                b.append("  … ").append(details.size() - 50).append(" more\n");
            }
            return b.toString();
        }
    }

    static Counters check(Expected expected, Observed observed) {
        List<String> details = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Map<String, Integer> perFact = new HashMap<>();
        Map<Long, Long> netPerReferral = new HashMap<>();
        Map<Account, Long> net = new HashMap<>();
        for (RewardRow r : observed.rewards()) {
            keys.add(r.businessKey());
            String fact = switch (r.source()) {
                case "REFERRAL" -> "referral " + r.referralId() + " " + r.beneficiary();
                case "CASHBACK" -> "cashback of order " + r.orderId();
                default -> null;
            };
            if (fact != null) {
                perFact.merge(fact, 1, Integer::sum);
            }
            if (r.stands()) {
                netPerReferral.merge(r.referralId(), r.amount(), Long::sum);
                net.merge(new Account(r.campaignId(), r.userId()), r.amount(), Long::sum);
            }
        }

        long lost = 0;
        for (String key : new TreeSet<>(expected.rewardKeys())) {
            if (!keys.contains(key)) {
                lost++;
                details.add("lost: no reward " + key);
            }
        }
        long duplicated = 0;
        for (var e : perFact.entrySet()) {
            if (e.getValue() > 1) {
                duplicated += e.getValue() - 1;
                details.add("duplicated: " + e.getValue() + " rewards for " + e.getKey());
            }
        }
        long withoutReferral = 0;
        for (var e : netPerReferral.entrySet()) {
            long referralId = e.getKey();
            if (e.getValue() == 0) {
                continue;
            }
            String status = observed.referralStatus().get(referralId);
            if (!expected.standingReferrals().contains(referralId) || !"ATTRIBUTED".equals(status)) {
                withoutReferral++;
                details.add("without referral: referral " + referralId + " (invite-service: " + status + ") pays "
                        + e.getValue() + " fen");
            }
        }
        long balance = mismatches("balance", expected.netFen(), net, details);
        long ledger = mismatches("ledger", expected.netFen(), observed.ledgerExpenseFen(), details);
        long units = 0;
        for (var e : observed.ledgerSumByUnit().entrySet()) {
            if (e.getValue() != 0) {
                units++;
                details.add("ledger: unit " + e.getKey() + " sums to " + e.getValue());
            }
        }
        if (observed.unbalancedPostings() > 0) {
            details.add("ledger: " + observed.unbalancedPostings() + " postings do not sum to 0");
        }
        long payout = mismatches("payout", expected.payoutFen(), observed.paidFen(), details);
        if (observed.pendingReviewWithoutCase() > 0) {
            details.add("stuck: " + observed.pendingReviewWithoutCase() + " PENDING_REVIEW without an open case");
        }
        if (observed.parked() > 0) {
            details.add("parked: " + observed.parked() + " messages given up on");
        }
        return new Counters(
                lost,
                duplicated,
                withoutReferral,
                balance,
                ledger,
                units,
                observed.unbalancedPostings(),
                payout,
                observed.pendingReviewWithoutCase(),
                observed.parked(),
                List.copyOf(details));
    }

    /** Accounts whose actual amount differs from the expected one (a missing entry counts as 0). */
    private static long mismatches(
            String what, Map<Account, Long> expected, Map<Account, Long> actual, List<String> details) {
        Set<Account> accounts = new TreeSet<>(expected.keySet());
        accounts.addAll(actual.keySet());
        long n = 0;
        for (Account a : accounts) {
            long want = expected.getOrDefault(a, 0L);
            long got = actual.getOrDefault(a, 0L);
            if (want != got) {
                n++;
                details.add(what + ": " + a + " expected " + want + " fen, found " + got);
            }
        }
        return n;
    }
}
