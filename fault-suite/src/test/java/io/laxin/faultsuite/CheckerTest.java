package io.laxin.faultsuite;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.faultsuite.Books.Account;
import io.laxin.faultsuite.Books.Fate;
import io.laxin.faultsuite.Observed.RewardRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counters can fail: each kind of wrong state the suite could be in is reported. */
class CheckerTest {

    private static final long A = 7;

    /** The script's books: one standing referral (alice invites bob, bob orders 10,000 fen, refunds 2,500). */
    private static Books books() {
        Books books = new Books();
        Books.Referral r = books.registered(A, 41, "alice", "bob", Fate.STANDING);
        Books.Order o = books.paid("o-1", r, 10_000);
        books.refunded(o, 2_500);
        books.registered(A, 42, "alice", "mallory", Fate.REJECTED);
        return books;
    }

    private static List<RewardRow> rightRewards() {
        List<RewardRow> rows = new ArrayList<>();
        rows.add(reward(1, 41, "alice", "REFERRAL", "AVAILABLE", 300, "referral:41:REFERRER", null, "REFERRER"));
        rows.add(reward(2, 41, "bob", "REFERRAL", "AVAILABLE", 100, "referral:41:INVITEE", null, "INVITEE"));
        // 10 % of 10,000 = 1,000 issued; a quarter refunded takes back 250 (a negative adjustment once released)
        rows.add(reward(3, 41, "alice", "CASHBACK", "AVAILABLE", 1_000, "cashback:o-1", "o-1", "REFERRER"));
        rows.add(reward(4, 41, "alice", "ADJUSTMENT", "AVAILABLE", -250, "adjust:3:refund", "o-1", "REFERRER"));
        return rows;
    }

    private static RewardRow reward(
            long id,
            long referral,
            String user,
            String source,
            String status,
            long amount,
            String key,
            String order,
            String beneficiary) {
        return new RewardRow(id, A, referral, user, source, status, amount, key, order, beneficiary);
    }

    private static Observed observed(List<RewardRow> rewards, Map<String, Long> units, Map<Account, Long> earned) {
        return new Observed(
                rewards,
                units,
                0,
                earned,
                Map.of(41L, "ATTRIBUTED", 42L, "REJECTED"),
                0,
                Map.of(new Account(A, "alice"), 1_050L, new Account(A, "bob"), 100L),
                0);
    }

    private static Map<Account, Long> rightEarnings() {
        return Map.of(new Account(A, "alice"), 1_050L, new Account(A, "bob"), 100L);
    }

    @Test
    void shouldFindNothingWhenTheSuiteHoldsWhatTheScriptComputed() {
        var counters = Checker.check(books().expected(1), observed(rightRewards(), Map.of("FEN", 0L), rightEarnings()));

        assertThat(counters.ok()).as(counters.toString()).isTrue();
        assertThat(Books.cashbackKept(10_000, 2_500)).isEqualTo(750);
    }

    @Test
    void shouldCountALostRewardAndTheBalanceItLeavesShort() {
        List<RewardRow> rows = rightRewards();
        rows.remove(1); // bob's reward never issued

        var counters = Checker.check(books().expected(1), observed(rows, Map.of("FEN", 0L), rightEarnings()));

        assertThat(counters.lostRewards()).isEqualTo(1);
        assertThat(counters.balanceMismatches()).isEqualTo(1);
        assertThat(counters.ok()).isFalse();
        assertThat(counters.details()).contains("lost: no reward referral:41:INVITEE");
    }

    @Test
    void shouldCountADuplicatedRewardOfOneFact() {
        List<RewardRow> rows = rightRewards();
        rows.add(reward(5, 41, "alice", "REFERRAL", "AVAILABLE", 300, "referral:41:REFERRER#2", null, "REFERRER"));

        var counters = Checker.check(books().expected(1), observed(rows, Map.of("FEN", 0L), rightEarnings()));

        assertThat(counters.duplicatedRewards()).isEqualTo(1);
        assertThat(counters.balanceMismatches()).isEqualTo(1);
        assertThat(counters.ok()).isFalse();
    }

    @Test
    void shouldCountARewardOfAReferralTheScriptWasToldIsRejected() {
        List<RewardRow> rows = rightRewards();
        rows.add(reward(6, 42, "mallory", "REFERRAL", "PENDING", 100, "referral:42:INVITEE", null, "INVITEE"));

        var counters = Checker.check(books().expected(1), observed(rows, Map.of("FEN", 0L), rightEarnings()));

        assertThat(counters.rewardsWithoutReferral()).isEqualTo(1);
        assertThat(counters.ok()).isFalse();
    }

    @Test
    void shouldCountALedgerThatDoesNotBalanceAndEarningsThatDoNotMatch() {
        Observed unbalanced = new Observed(
                rightRewards(),
                Map.of("FEN", 1L, "POINTS", 0L),
                2,
                Map.of(new Account(A, "alice"), 1_051L, new Account(A, "bob"), 100L),
                Map.of(41L, "ATTRIBUTED", 42L, "REJECTED"),
                0,
                rightEarnings(),
                0);

        var counters = Checker.check(books().expected(1), unbalanced);

        assertThat(counters.unbalancedUnits()).isEqualTo(1);
        assertThat(counters.unbalancedPostings()).isEqualTo(2);
        assertThat(counters.ledgerMismatches()).isEqualTo(1);
        assertThat(counters.ok()).isFalse();
    }

    @Test
    void shouldCountAPayoutOtherThanTheRecomputedOneAStuckReviewAndParkedMessages() {
        Observed wrong = new Observed(
                rightRewards(),
                Map.of("FEN", 0L),
                0,
                rightEarnings(),
                Map.of(41L, "ATTRIBUTED", 42L, "REJECTED"),
                3,
                Map.of(new Account(A, "alice"), 1_300L, new Account(A, "bob"), 100L),
                1);

        var counters = Checker.check(books().expected(1), wrong);

        assertThat(counters.payoutMismatches()).isEqualTo(1);
        assertThat(counters.stuckPendingReview()).isEqualTo(3);
        assertThat(counters.parked()).isEqualTo(1);
        assertThat(counters.ok()).isFalse();
    }

    @Test
    void shouldOweNothingForAReferralRejectedLateWhateverItEarnedBefore() {
        Books books = books();
        Books.Referral ring = books.registered(A, 43, "carol", "dave", Fate.STANDING);
        books.paid("o-2", ring, 20_000);
        books.decided(ring, Fate.REJECTED_LATE);

        Books.Expected expected = books.expected(1);

        assertThat(expected.netFen()).doesNotContainKeys(new Account(A, "carol"), new Account(A, "dave"));
        assertThat(expected.rewardKeys()).doesNotContain("referral:43:REFERRER", "cashback:o-2");
    }
}
