package io.laxin.reward.report.domain;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link RewardReport} out as the tables every export format shows, in one place so CSV and XLSX cannot
 * disagree: summary, movements, refused and revoked by reason (with totals), the two top-referrer lists (with
 * totals). Each cash amount in fen is followed by the same amount in yuan.
 */
public final class ReportTables {

    private static final List<String> KIND_HEADERS = List.of(
            "Points rewards", "Points", "Cash rewards", "Cash (fen)", "Cash (yuan)", "Coupon rewards", "Coupons");
    private static final List<String> REFERRER_HEADERS =
            List.of("Referrer", "Rewarded invitees", "Cash (fen)", "Cash (yuan)");

    private ReportTables() {}

    public static List<ReportTable> of(RewardReport r) {
        return List.of(
                summary(r),
                movements(r),
                reasons(r),
                referrers("Top referrers by invitees", r.topByInvitees()),
                referrers("Top referrers by cash", r.topByCash()));
    }

    private static ReportTable summary(RewardReport r) {
        ReportPeriod p = r.period();
        AcquisitionCost a = r.acquisition();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(ReportTable.row("From (UTC)", p.from().atOffset(ZoneOffset.UTC).toString(), null));
        rows.add(ReportTable.row(
                "To, exclusive (UTC)", p.to().atOffset(ZoneOffset.UTC).toString(), null));
        rows.add(ReportTable.row("Campaign", p.campaignId() == null ? "all" : p.campaignId(), null));
        rows.add(ReportTable.row(
                "Generated at (UTC)", r.generatedAt().atOffset(ZoneOffset.UTC).toString(), null));
        rows.add(fen("Budget (fen)", r.budget().budgetFen()));
        rows.add(fen("Budget used (fen)", r.budget().usedFen()));
        rows.add(fen("Budget left (fen)", r.budget().leftFen()));
        rows.add(ReportTable.row("Attributed invitees", a.invitees(), null));
        rows.add(fen("Standing cash (fen)", a.cashFen()));
        rows.add(ReportTable.row("Standing points", a.points(), null));
        rows.add(ReportTable.row("Fen per 100 points", a.fenPerHundredPoints(), null));
        rows.add(fen("Cost per acquired user (fen)", a.perUserFen()));
        return new ReportTable("Summary", List.of("Item", "Value", "Yuan"), rows, null);
    }

    private static List<Object> fen(String item, Long fen) {
        return ReportTable.row(item, fen, fen == null ? null : ReportTable.yuan(fen));
    }

    private static ReportTable movements(RewardReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Movement m : Movement.values()) {
            rows.add(kindRow(List.of(m.name()), r.movement(m)));
        }
        return new ReportTable("Movements", headers(List.of("Movement"), KIND_HEADERS), rows, null);
    }

    private static ReportTable reasons(RewardReport r) {
        List<List<Object>> rows = r.refusedAndRevoked().stream()
                .map(l -> kindRow(List.of(l.status(), l.reason()), l.worth()))
                .toList();
        return new ReportTable("Refused and revoked", headers(List.of("Status", "Reason"), KIND_HEADERS), rows, null)
                .withTotals("Total");
    }

    private static ReportTable referrers(String title, List<ReferrerLine> lines) {
        List<List<Object>> rows = lines.stream()
                .map(l -> ReportTable.row(l.userId(), l.rewardedInvitees(), l.cashFen(), ReportTable.yuan(l.cashFen())))
                .toList();
        return new ReportTable(title, REFERRER_HEADERS, rows, null).withTotals("Total");
    }

    private static List<Object> kindRow(List<Object> labels, ByKind k) {
        List<Object> row = new ArrayList<>(labels);
        row.addAll(ReportTable.row(
                k.points().count(),
                k.points().amount(),
                k.cash().count(),
                k.cash().amount(),
                ReportTable.yuan(k.cash().amount()),
                k.coupon().count(),
                k.coupon().amount()));
        return row;
    }

    private static List<String> headers(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }
}
