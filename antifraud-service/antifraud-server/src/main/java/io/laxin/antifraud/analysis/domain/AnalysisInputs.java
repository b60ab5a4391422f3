package io.laxin.antifraud.analysis.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Port: what the late analysis reads — stored screenings and host-reported activity. */
public interface AnalysisInputs {

    /** Screenings registered since the instant (rejected ones too: they are evidence about their neighbours). */
    List<ScreenedReferral> screenedSince(Instant since);

    /**
     * The screened invitees (rejected ones left out: they never became referrals) registered within
     * [{@code from}, {@code to}], with how many {@link InviteeOrders#ORDER_ACTIVITY} activities each has.
     *
     * @param campaignIds only these campaigns, or every campaign when null
     */
    List<InviteeOrders> inviteesWithOrders(Instant from, Instant to, Collection<Long> campaignIds);

    /** Which of the users had any activity reported at or after {@code since}. */
    Set<String> activeSince(Collection<String> userIds, Instant since);

    /** Records one reported activity; false when it was already recorded. */
    boolean recordActivity(String userId, String kind, Instant occurredAt, Long campaignId, Instant reportedAt);
}
