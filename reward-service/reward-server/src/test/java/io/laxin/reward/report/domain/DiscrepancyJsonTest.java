package io.laxin.reward.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.report.domain.Discrepancy.MispostedReward;
import io.laxin.reward.report.domain.Discrepancy.MispostedReward.Problem;
import io.laxin.reward.report.domain.Discrepancy.PayoutMismatch;
import io.laxin.reward.report.domain.Discrepancy.UnbalancedPosting;
import io.laxin.reward.report.domain.Discrepancy.UnbalancedUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed discrepancies are written exactly as the maps they replaced (same fields, same order, nulls kept): the
 * console makes its columns of the first one's fields, and integrators read the reconciliation's JSON.
 */
class DiscrepancyJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldWriteAnUnbalancedUnitAsBefore() {
        assertSameJson(new UnbalancedUnit("POINTS", 1), map("unit", "POINTS", "sum", 1L));
        assertThat(JSON.writeValueAsString(new UnbalancedUnit("POINTS", 1)))
                .isEqualTo("{\"unit\":\"POINTS\",\"sum\":1}");
    }

    @Test
    void shouldWriteAnUnbalancedPostingWithItsEntriesAsBefore() {
        var posting = new UnbalancedPosting(
                "issue:41",
                "POINTS",
                1,
                List.of(
                        new UnbalancedPosting.Entry(88, 1, "ISSUE", "CAMPAIGN_EXPENSE", 41L, 501),
                        new UnbalancedPosting.Entry(89, 2, "SETTLE", "PAYABLE_SETTLED", null, -500)));
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(map(
                "id",
                88L,
                "lineNo",
                1,
                "postingType",
                "ISSUE",
                "account",
                "CAMPAIGN_EXPENSE",
                "rewardId",
                41L,
                "amount",
                501L));
        entries.add(map(
                "id",
                89L,
                "lineNo",
                2,
                "postingType",
                "SETTLE",
                "account",
                "PAYABLE_SETTLED",
                "rewardId",
                null,
                "amount",
                -500L));
        assertSameJson(posting, map("postingId", "issue:41", "unit", "POINTS", "sum", 1L, "entries", entries));
        assertThat(JSON.writeValueAsString(posting))
                .isEqualTo("{\"postingId\":\"issue:41\",\"unit\":\"POINTS\",\"sum\":1,\"entries\":["
                        + "{\"id\":88,\"lineNo\":1,\"postingType\":\"ISSUE\",\"account\":\"CAMPAIGN_EXPENSE\","
                        + "\"rewardId\":41,\"amount\":501},"
                        + "{\"id\":89,\"lineNo\":2,\"postingType\":\"SETTLE\",\"account\":\"PAYABLE_SETTLED\","
                        + "\"rewardId\":null,\"amount\":-500}]}");
    }

    @Test
    void shouldWriteAMispostedRewardAsBefore() {
        var reward = new MispostedReward(
                41,
                7,
                "alice",
                "AVAILABLE",
                "REFERRAL",
                "POINTS",
                500,
                List.of(Problem.NO_ISSUE_POSTING, Problem.EXPENSE_MISMATCH),
                500,
                0,
                1);
        assertSameJson(
                reward,
                map(
                        "rewardId",
                        41L,
                        "campaignId",
                        7L,
                        "userId",
                        "alice",
                        "status",
                        "AVAILABLE",
                        "source",
                        "REFERRAL",
                        "kind",
                        "POINTS",
                        "amount",
                        500L,
                        "problems",
                        List.of("NO_ISSUE_POSTING", "EXPENSE_MISMATCH"),
                        "expectedExpense",
                        500L,
                        "foundExpense",
                        0L,
                        "ledgerLines",
                        1L));
    }

    @Test
    void shouldWriteAPayoutMismatchAsBefore() {
        assertSameJson(
                new PayoutMismatch(900001, 900, "bob", 201, 200),
                map(
                        "lineId",
                        900001L,
                        "batchId",
                        900L,
                        "userId",
                        "bob",
                        "lineAmountFen",
                        201L,
                        "paidRewardsFen",
                        200L));
    }

    @Test
    void shouldWriteEachKindByItsOwnFieldsInACheck() {
        Reconciliation.Check check = Reconciliation.Check.of("ledger-balanced", List.of(new UnbalancedUnit("FEN", -3)));
        assertThat(JSON.writeValueAsString(check))
                .isEqualTo("{\"name\":\"ledger-balanced\",\"ok\":false,\"note\":null,"
                        + "\"discrepancies\":[{\"unit\":\"FEN\",\"sum\":-3}]}");
    }

    private static void assertSameJson(Discrepancy typed, Map<String, Object> before) {
        assertThat(JSON.writeValueAsString(typed)).isEqualTo(JSON.writeValueAsString(before));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
