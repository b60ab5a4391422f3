package io.laxin.reward.report;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.TestHttp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RewardReportIT extends ReportItSupport {

    private static final String REPORT = "/api/v1/admin/reports/rewards";

    @Test
    void shouldReportTheMovementsOfThePeriodByKind() {
        JsonNode r = ok(finance().get(REPORT + "?" + period() + "&campaignId=" + CAMPAIGN))
                .json();

        assertKinds(r.get("issued"), 2, 1000, 5, 1300, 1, 1);
        assertThat(r.get("issued").get("cash").get("amountYuan").asString()).isEqualTo("13.00");
        assertKinds(r.get("released"), 1, 500, 2, 500, 0, 0);
        assertKinds(r.get("revoked"), 0, 0, 2, 500, 0, 0);
        assertKinds(r.get("clawedBack"), 0, 0, 1, -100, 0, 0);
        assertThat(r.get("clawedBack").get("cash").get("amountYuan").asString()).isEqualTo("-1.00");
        assertKinds(r.get("paid"), 0, 0, 1, 200, 0, 0);
    }

    @Test
    void shouldReportBudgetCostPerUserReferrersAndReasons() {
        JsonNode r = ok(finance().get(REPORT + "?" + period() + "&campaignId=" + CAMPAIGN))
                .json();

        // charged 250+300+250+300+200+0+200+300 (+50 for the 2020 reward), given back 50+200+300
        assertThat(r.get("budget").get("budgetFen").asLong()).isEqualTo(5000);
        assertThat(r.get("budget").get("usedFen").asLong()).isEqualTo(1300);
        assertThat(r.get("budget").get("leftFen").asLong()).isEqualTo(3700);
        // standing cash 300+250+200-100 = 650 fen, points 1000 at 50 fen per 100 = 500 fen; bob, carl, eve
        JsonNode a = r.get("acquisition");
        assertThat(a.get("attributedInvitees").asLong()).isEqualTo(3);
        assertThat(a.get("standingCashFen").asLong()).isEqualTo(650);
        assertThat(a.get("standingPoints").asLong()).isEqualTo(1000);
        assertThat(a.get("costPerUserFen").asLong()).isEqualTo(383);
        assertThat(a.get("costPerUserYuan").asString()).isEqualTo("3.83");

        assertThat(r.get("topReferrersByInvitees")).hasSize(2);
        assertReferrer(r.get("topReferrersByInvitees").get(0), "alice", 2, 0);
        assertReferrer(r.get("topReferrersByInvitees").get(1), "dora", 1, 200);
        assertThat(r.get("topReferrersByCash")).hasSize(1);
        assertReferrer(r.get("topReferrersByCash").get(0), "dora", 1, 200);

        JsonNode reasons = r.get("refusedAndRevoked");
        assertThat(reasons).hasSize(3);
        assertReason(reasons.get(0), "REFUSED", "BUDGET_EXHAUSTED", 1, 10_000);
        assertReason(reasons.get(1), "REFUSED", "REFERRER_CAP_DAY", 1, 1000);
        assertReason(reasons.get(2), "REVOKED", "FRAUD_REJECTED", 2, 500);
    }

    @Test
    void shouldReportEveryCampaignWhenNoneIsGiven() {
        JsonNode r = ok(finance().get(REPORT + "?" + period())).json();

        assertKinds(r.get("issued"), 2, 1000, 6, 1700, 1, 1);
        assertThat(r.get("campaignId").isNull()).isTrue();
        assertThat(r.get("budget").get("budgetFen").isNull())
                .as("campaign 502 has no budget")
                .isTrue();
        assertThat(r.get("budget").get("usedFen").asLong()).isEqualTo(1700);
        assertThat(r.get("acquisition").get("attributedInvitees").asLong()).isEqualTo(4);
    }

    @Test
    void shouldLeaveOutWhatHappenedOutsideThePeriod() {
        JsonNode r = ok(finance().get(REPORT + "?from=2020-01-01&to=2020-01-02&campaignId=" + CAMPAIGN))
                .json();

        assertKinds(r.get("issued"), 1, 100, 0, 0, 0, 0);
        assertKinds(r.get("released"), 0, 0, 0, 0, 0, 0);
        assertThat(r.get("acquisition").get("attributedInvitees").asLong()).isEqualTo(1);
        assertThat(r.get("acquisition").get("costPerUserFen").asLong()).isEqualTo(50);
        assertThat(r.get("refusedAndRevoked")).isEmpty();
        JsonNode none =
                ok(finance().get(REPORT + "?from=2019-01-01&to=2019-02-01")).json();
        assertThat(none.get("acquisition").get("costPerUserFen").isNull()).isTrue();
    }

    @Test
    void shouldExportTheReportAsXlsxWithNumericCellsAndConsistentTotals() throws Exception {
        TestHttp.Response file = ok(finance().get(REPORT + ".xlsx?" + period() + "&campaignId=" + CAMPAIGN));

        assertThat(file.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertThat(file.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("filename=\"rewards_")
                .contains("_campaign-501.xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet movements = book.getSheet("Movements");
            Row issued = rowStartingWith(movements, "ISSUED");
            assertThat(issued.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(issued.getCell(3).getNumericCellValue()).isEqualTo(5);
            assertThat(issued.getCell(4).getNumericCellValue()).isEqualTo(1300);
            assertThat(issued.getCell(5).getNumericCellValue()).isEqualTo(13.00);
            assertThat(issued.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(rowStartingWith(movements, "CLAWED_BACK").getCell(4).getNumericCellValue())
                    .isEqualTo(-100);

            Sheet reasons = book.getSheet("Refused and revoked");
            Row total = rowStartingWith(reasons, "Total");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(4);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(11_500);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(115.00);
            for (int c = 2; c <= 8; c++) {
                double sum = 0;
                for (int r = 1; r < total.getRowNum(); r++) {
                    sum += reasons.getRow(r).getCell(c).getNumericCellValue();
                }
                assertThat(total.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(total.getCell(c).getNumericCellValue())
                        .as("column %d", c)
                        .isEqualTo(sum);
            }

            Sheet summary = book.getSheet("Summary");
            assertThat(rowStartingWith(summary, "Budget left (fen)").getCell(1).getNumericCellValue())
                    .isEqualTo(3700);
            assertThat(rowStartingWith(summary, "Cost per acquired user (fen)")
                            .getCell(2)
                            .getNumericCellValue())
                    .isEqualTo(3.83);
            Row dora = rowStartingWith(book.getSheet("Top referrers by cash"), "dora");
            assertThat(dora.getCell(2).getNumericCellValue()).isEqualTo(200);
        }
    }

    @Test
    void shouldExportTheReportAsCsvAndRecordTheExportRun() {
        TestHttp.Response file = ok(finance().get(REPORT + ".csv?" + period() + "&campaignId=" + CAMPAIGN));

        assertThat(file.header("Content-Type")).startsWith("text/csv");
        assertThat(file.header("Content-Disposition")).contains("_campaign-501.csv\"");
        List<List<String>> lines = csv(file.body());
        List<String> header = lines.get(lines.indexOf(List.of("Movements")) + 1);
        assertThat(header)
                .containsExactly(
                        "Movement",
                        "Points rewards",
                        "Points",
                        "Cash rewards",
                        "Cash (fen)",
                        "Cash (yuan)",
                        "Coupon rewards",
                        "Coupons");
        assertThat(line(lines, "ISSUED")).containsExactly("ISSUED", "2", "1000", "5", "1300", "13.00", "1", "1");
        assertThat(line(lines, "PAID")).containsExactly("PAID", "0", "0", "1", "200", "2.00", "0", "0");
        int reasons = lines.indexOf(List.of("Refused and revoked"));
        List<String> total = lines.subList(reasons, lines.size()).stream()
                .filter(l -> l.get(0).equals("Total"))
                .findFirst()
                .orElseThrow();
        assertThat(total).containsExactly("Total", "", "0", "0", "4", "11500", "115.00", "0", "0");
        assertThat(line(lines, "To, exclusive (UTC)")).hasSize(3);
        assertThat(line(lines, "Cost per acquired user (fen)"))
                .containsExactly("Cost per acquired user (fen)", "383", "3.83");

        long run = Long.parseLong(file.header("X-Job-Run-Id"));
        JsonNode job = ok(finance().get("/api/v1/admin/rewards/jobs/" + run)).json();
        assertThat(job.get("job").asString()).isEqualTo("report-export");
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("startedBy").asString()).isEqualTo("fin-1");
        assertThat(job.get("total").asLong())
                .isPositive()
                .isEqualTo(job.get("done").asLong());
        JsonNode summary = TestHttp.JSON.readTree(job.get("summary").asString());
        assertThat(summary.get("format").asString()).isEqualTo("CSV");
        assertThat(summary.get("rows").asLong()).isEqualTo(job.get("done").asLong());
        assertThat(summary.get("bytes").asInt()).isEqualTo(file.body().length);
        assertThat(summary.get("file").asString()).isEqualTo(job.get("subject").asString());
    }

    @Test
    void shouldRefuseBadPeriodsWithAStableCodeAndRecordNothing() {
        long runs = jdbc.queryForObject("SELECT COUNT(*) FROM job_run", Long.class);

        assertProblem(finance().get(REPORT + ".csv?from=2026-11-02&to=2026-11-01"), 400, "REPORT_PERIOD_EMPTY");
        assertProblem(finance().get(REPORT + "?from=2026-11-01&to=2026-11-01"), 400, "REPORT_PERIOD_EMPTY");
        assertProblem(finance().get(REPORT + ".xlsx?from=2025-01-01&to=2026-01-03"), 400, "REPORT_PERIOD_TOO_LONG");
        assertProblem(finance().get(REPORT + "?from=2026-13-01&to=2026-12-01"), 400, "REPORT_DATE_INVALID");
        assertProblem(finance().get(REPORT + "?from=yesterday&to=2026-12-01"), 400, "REPORT_DATE_INVALID");
        assertProblem(finance().get(REPORT + "?to=2026-12-01"), 400, "REPORT_DATE_INVALID");
        assertThat(ok(finance().get(REPORT + "?from=2025-01-01&to=2026-01-02")).status())
                .as("366 days")
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_run", Long.class))
                .isEqualTo(runs);
    }

    @Test
    void shouldServeReportsToFinanceAndAdminsOnly() {
        String query = "?" + period();
        assertThat(as(Caller.staff("adm-1", Role.ADMIN)).get(REPORT + query).status())
                .isEqualTo(200);
        for (String path : List.of(REPORT, REPORT + ".csv", REPORT + ".xlsx", "/api/v1/admin/reports/reconciliation")) {
            assertProblem(as(Caller.staff("op-1", Role.OPS)).get(path + query), 403, "FORBIDDEN");
            assertProblem(as(Caller.user("alice")).get(path + query), 403, "FORBIDDEN");
            assertProblem(TestHttp.at("http://127.0.0.1:" + port).get(path + query), 401, "UNAUTHENTICATED");
            assertProblem(as(Caller.staff("op-1", Role.OPS)).get(path + "?from=bad&to=bad"), 403, "FORBIDDEN");
        }
    }

    private static TestHttp.Response ok(TestHttp.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static void assertKinds(
            JsonNode k, long pointsCount, long points, long cashCount, long cashFen, long couponCount, long coupons) {
        assertThat(List.of(
                        k.get("points").get("count").asLong(),
                        k.get("points").get("amount").asLong(),
                        k.get("cash").get("count").asLong(),
                        k.get("cash").get("amountFen").asLong(),
                        k.get("coupon").get("count").asLong(),
                        k.get("coupon").get("amount").asLong()))
                .as(k.toString())
                .containsExactly(pointsCount, points, cashCount, cashFen, couponCount, coupons);
    }

    private static void assertReferrer(JsonNode r, String user, long invitees, long cashFen) {
        assertThat(r.get("userId").asString()).isEqualTo(user);
        assertThat(r.get("rewardedInvitees").asLong()).isEqualTo(invitees);
        assertThat(r.get("cashFen").asLong()).isEqualTo(cashFen);
    }

    private static void assertReason(JsonNode r, String status, String reason, long count, long cashFen) {
        assertThat(r.get("status").asString()).isEqualTo(status);
        assertThat(r.get("reason").asString()).isEqualTo(reason);
        assertThat(r.get("count").asLong()).isEqualTo(count);
        assertThat(r.get("worth").get("cash").get("amountFen").asLong()).isEqualTo(cashFen);
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null
                    && row.getCell(0).getCellType() == CellType.STRING
                    && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    /** The CSV parsed as RFC 4180: lines of cells, quoted cells unquoted. */
    private static List<List<String>> csv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return lines;
    }

    private static List<String> line(List<List<String>> lines, String first) {
        return lines.stream().filter(l -> l.get(0).equals(first)).findFirst().orElseThrow();
    }
}
