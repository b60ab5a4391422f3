package io.laxin.reward.report.domain;

import java.util.List;
import java.util.Map;

/** Port: the report's figures, each computed by the store in one aggregate query (never by loading rewards). */
public interface RewardFigures {

    /** Every movement by kind, in one pass over the period's rewards. */
    Map<Movement, ByKind> movements(ReportPeriod period);

    /** Cash (fen) and points of the rewards granted in the period that still stand, net of clawbacks. */
    ByKind standing(ReportPeriod period);

    /** Distinct invitees whose attribution in the period is still active. */
    long attributedInvitees(ReportPeriod period);

    Budget budget(Long campaignId);

    /** The top {@code limit} referrers, by rewarded invitees or by cash earned (ties by user id). */
    List<ReferrerLine> topReferrers(ReportPeriod period, ReferrerRanking ranking, int limit);

    /** REFUSED (by created_at) and REVOKED (by revoked_at) rewards of the period, by status and reason. */
    List<ReasonLine> refusedAndRevoked(ReportPeriod period);

    enum ReferrerRanking {
        INVITEES,
        CASH
    }
}
