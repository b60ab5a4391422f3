package io.laxin.reward.report.web;

import io.laxin.reward.report.domain.AcquisitionCost;
import io.laxin.reward.report.domain.Budget;
import io.laxin.reward.report.domain.ByKind;
import io.laxin.reward.report.domain.Movement;
import io.laxin.reward.report.domain.ReasonLine;
import io.laxin.reward.report.domain.ReferrerLine;
import io.laxin.reward.report.domain.ReportTable;
import io.laxin.reward.report.domain.RewardReport;
import io.laxin.reward.report.domain.Tally;
import java.time.Instant;
import java.util.List;

/**
 * The finance report as JSON. Amounts are integers (points, fen, coupons); every fen amount also comes as a yuan
 * string with two decimals, derived exactly from the fen.
 */
public record RewardReportResponse(
        Instant from,
        Instant to,
        Long campaignId,
        Instant generatedAt,
        KindTotals issued,
        KindTotals released,
        KindTotals revoked,
        KindTotals clawedBack,
        KindTotals paid,
        BudgetResponse budget,
        Acquisition acquisition,
        List<Referrer> topReferrersByInvitees,
        List<Referrer> topReferrersByCash,
        List<Reason> refusedAndRevoked) {

    static RewardReportResponse of(RewardReport r) {
        return new RewardReportResponse(
                r.period().from(),
                r.period().to(),
                r.period().campaignId(),
                r.generatedAt(),
                KindTotals.of(r.movement(Movement.ISSUED)),
                KindTotals.of(r.movement(Movement.RELEASED)),
                KindTotals.of(r.movement(Movement.REVOKED)),
                KindTotals.of(r.movement(Movement.CLAWED_BACK)),
                KindTotals.of(r.movement(Movement.PAID)),
                BudgetResponse.of(r.budget()),
                Acquisition.of(r.acquisition()),
                r.topByInvitees().stream().map(Referrer::of).toList(),
                r.topByCash().stream().map(Referrer::of).toList(),
                r.refusedAndRevoked().stream().map(Reason::of).toList());
    }

    /** count and amount per kind; cash also in yuan. */
    public record KindTotals(Count points, Cash cash, Count coupon) {
        static KindTotals of(ByKind k) {
            return new KindTotals(Count.of(k.points()), Cash.of(k.cash()), Count.of(k.coupon()));
        }
    }

    public record Count(long count, long amount) {
        static Count of(Tally t) {
            return new Count(t.count(), t.amount());
        }
    }

    public record Cash(long count, long amountFen, String amountYuan) {
        static Cash of(Tally t) {
            return new Cash(t.count(), t.amount(), yuan(t.amount()));
        }
    }

    /** budgetFen and leftFen are null when a campaign in scope has no budget (unlimited). */
    public record BudgetResponse(Long budgetFen, long usedFen, Long leftFen, String usedYuan, String leftYuan) {
        static BudgetResponse of(Budget b) {
            return new BudgetResponse(b.budgetFen(), b.usedFen(), b.leftFen(), yuan(b.usedFen()), yuan(b.leftFen()));
        }
    }

    /** costPerUserFen is null when no invitee was attributed in the period. */
    public record Acquisition(
            long attributedInvitees,
            long standingCashFen,
            long standingPoints,
            long fenPerHundredPoints,
            Long costPerUserFen,
            String costPerUserYuan) {
        static Acquisition of(AcquisitionCost a) {
            return new Acquisition(
                    a.invitees(),
                    a.cashFen(),
                    a.points(),
                    a.fenPerHundredPoints(),
                    a.perUserFen(),
                    yuan(a.perUserFen()));
        }
    }

    public record Referrer(String userId, long rewardedInvitees, long cashFen, String cashYuan) {
        static Referrer of(ReferrerLine l) {
            return new Referrer(l.userId(), l.rewardedInvitees(), l.cashFen(), yuan(l.cashFen()));
        }
    }

    /** What rewards REFUSED or REVOKED for one reason were worth when issued. */
    public record Reason(String status, String reason, long count, KindTotals worth) {
        static Reason of(ReasonLine l) {
            return new Reason(l.status(), l.reason(), l.worth().count(), KindTotals.of(l.worth()));
        }
    }

    private static String yuan(Long fen) {
        return fen == null ? null : ReportTable.yuan(fen).toPlainString();
    }
}
