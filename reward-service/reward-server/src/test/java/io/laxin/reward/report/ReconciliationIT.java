package io.laxin.reward.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation over the shared data set. Tests that damage the books repair them in a finally block, so the
 * other tests see clean data whatever the order.
 */
class ReconciliationIT extends ReportItSupport {

    private static final String RECONCILE = "/api/v1/admin/reports/reconciliation";

    @Test
    void shouldFindCleanBooksBalancedAndRecordTheRun() {
        JsonNode r = reconcile("");

        assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
        assertThat(names(r)).containsExactly("ledger-balanced", "rewards-posted", "payouts-match");
        JsonNode job = finance()
                .get("/api/v1/admin/rewards/jobs/" + r.get("runId").asLong())
                .json();
        assertThat(job.get("job").asString()).isEqualTo("reconciliation");
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("done").asLong()).isEqualTo(3);
        assertThat(reconcile("?campaignId=" + CAMPAIGN).get("ok").asBoolean()).isTrue();
    }

    @Test
    void shouldNameAHandAlteredLedgerRowAndItsPosting() {
        String posting = "issue:" + IDS.get("r1");
        long entry = jdbc.queryForObject(
                "SELECT id FROM ledger_entry WHERE posting_id = ? AND line_no = 1", Long.class, posting);
        jdbc.update("UPDATE ledger_entry SET amount = amount + 1 WHERE id = ?", entry);
        try {
            JsonNode r = reconcile("?campaignId=" + CAMPAIGN);

            assertThat(r.get("ok").asBoolean()).isFalse();
            JsonNode ledger = check(r, "ledger-balanced");
            assertThat(ledger.get("ok").asBoolean()).isFalse();
            JsonNode unbalanced = find(ledger.get("discrepancies"), "postingId", posting);
            assertThat(unbalanced.get("sum").asLong()).isEqualTo(1);
            assertThat(StreamSupport.stream(unbalanced.get("entries").spliterator(), false)
                            .map(e -> e.get("id").asLong())
                            .toList())
                    .contains(entry);
            assertThat(find(ledger.get("discrepancies"), "unit", "POINTS")
                            .get("sum")
                            .asLong())
                    .isEqualTo(1);
            JsonNode reward =
                    find(check(r, "rewards-posted").get("discrepancies"), "rewardId", String.valueOf(IDS.get("r1")));
            assertThat(reward.get("expectedExpense").asLong()).isEqualTo(500);
            assertThat(reward.get("foundExpense").asLong()).isEqualTo(501);
        } finally {
            jdbc.update("UPDATE ledger_entry SET amount = amount - 1 WHERE id = ?", entry);
        }
        assertThat(reconcile("").get("ok").asBoolean()).isTrue();
    }

    @Test
    void shouldNameARewardWhosePostingIsMissing() {
        String posting = "issue:" + IDS.get("r3");
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT * FROM ledger_entry WHERE posting_id = ?", posting);
        jdbc.update("DELETE FROM ledger_entry WHERE posting_id = ?", posting);
        try {
            JsonNode r = reconcile("");

            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(check(r, "ledger-balanced").get("ok").asBoolean())
                    .as("still balanced")
                    .isTrue();
            JsonNode reward =
                    find(check(r, "rewards-posted").get("discrepancies"), "rewardId", String.valueOf(IDS.get("r3")));
            assertThat(reward.get("problems").toString()).contains("NO_ISSUE_POSTING", "EXPENSE_MISMATCH");
            assertThat(reward.get("expectedExpense").asLong()).isEqualTo(500);
            assertThat(reward.get("foundExpense").asLong()).isEqualTo(0);
        } finally {
            restore(lines);
        }
        assertThat(reconcile("").get("ok").asBoolean()).isTrue();
    }

    @Test
    void shouldNameAReleasedRewardWithoutItsReleasePosting() {
        String posting = "release:" + IDS.get("r1");
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT * FROM ledger_entry WHERE posting_id = ?", posting);
        jdbc.update("DELETE FROM ledger_entry WHERE posting_id = ?", posting);
        try {
            JsonNode reward = find(
                    check(reconcile(""), "rewards-posted").get("discrepancies"),
                    "rewardId",
                    String.valueOf(IDS.get("r1")));
            assertThat(reward.get("problems").toString())
                    .contains("NO_RELEASE_POSTING")
                    .doesNotContain("EXPENSE_MISMATCH");
        } finally {
            restore(lines);
        }
    }

    @Test
    void shouldNameAPayoutLineThatDoesNotMatchItsPaidRewards() {
        // dora's reward r5 is PAID in batch 900 (see ReportItSupport): its line must equal it
        java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO settlement_batch (id, campaign_id, period_from, period_to, min_payout_fen, state, "
                        + "created_by, created_at, updated_at) VALUES (900, ?, ?, ?, 100, 'PAID', 'fin-1', ?, ?)",
                CAMPAIGN,
                at,
                at,
                at,
                at);
        jdbc.update("INSERT INTO settlement_line (id, batch_id, user_id, amount_fen, reward_count) "
                + "VALUES (900001, 900, 'dora', 200, 1)");
        try {
            assertThat(check(reconcile(""), "payouts-match").get("ok").asBoolean())
                    .isTrue();

            jdbc.update("UPDATE settlement_line SET amount_fen = 201 WHERE id = 900001");
            JsonNode r = reconcile("?campaignId=" + CAMPAIGN);
            assertThat(r.get("ok").asBoolean()).isFalse();
            JsonNode line = find(check(r, "payouts-match").get("discrepancies"), "lineId", "900001");
            assertThat(line.get("batchId").asLong()).isEqualTo(900);
            assertThat(line.get("lineAmountFen").asLong()).isEqualTo(201);
            assertThat(line.get("paidRewardsFen").asLong()).isEqualTo(200);
        } finally {
            jdbc.update("DELETE FROM settlement_line WHERE id = 900001");
            jdbc.update("DELETE FROM settlement_batch WHERE id = 900");
        }
    }

    /** Puts deleted ledger rows back as they were, ids included. */
    private void restore(List<Map<String, Object>> lines) {
        lines.forEach(l -> jdbc.update(
                "INSERT INTO ledger_entry (id, posting_id, line_no, posting_type, account, "
                        + "campaign_id, user_id, reward_id, reference, unit, amount, memo, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                l.get("id"),
                l.get("posting_id"),
                l.get("line_no"),
                l.get("posting_type"),
                l.get("account"),
                l.get("campaign_id"),
                l.get("user_id"),
                l.get("reward_id"),
                l.get("reference"),
                l.get("unit"),
                l.get("amount"),
                l.get("memo"),
                l.get("created_at")));
    }

    private JsonNode reconcile(String query) {
        TestHttp.Response r = finance().get(RECONCILE + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> names(JsonNode r) {
        return StreamSupport.stream(r.get("checks").spliterator(), false)
                .map(c -> c.get("name").asString())
                .toList();
    }

    private static JsonNode check(JsonNode r, String name) {
        return find(r.get("checks"), "name", name);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.has(field) && value.equals(n.get(field).asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }
}
