package io.laxin.invite.leaderboard.application;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.leaderboard.domain.Leaderboard;
import io.laxin.invite.referral.domain.ReferralOutcomes;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: rebuild a campaign's leaderboard from MySQL — every ATTRIBUTED referral, each referrer ranked by their
 * count and, among equal counts, by when they reached it (their latest attribution). Run by operators, and by
 * invite-service itself when the board is missing (Redis lost it, or it was never built). Referrals the old board
 * counted while MySQL was read (attributions that committed meanwhile, up to {@link #OVERLAP} back) are carried over
 * by the swap, so a rebuild racing attributions loses none.
 */
@Service
public class RebuildingLeaderboard implements ReferralOutcomes {

    /** How far back before the read the old board's counts are carried over (covers slow commits). */
    static final Duration OVERLAP = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RebuildingLeaderboard.class);

    private final FindingCampaign campaigns;
    private final Referrals referrals;
    private final Leaderboard leaderboard;
    private final Clock clock;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate tx;

    public RebuildingLeaderboard(
            FindingCampaign campaigns,
            Referrals referrals,
            Leaderboard leaderboard,
            Clock clock,
            IdempotentRequests idempotency,
            TransactionTemplate tx) {
        this.campaigns = campaigns;
        this.referrals = referrals;
        this.leaderboard = leaderboard;
        this.clock = clock;
        this.idempotency = idempotency;
        this.tx = tx;
    }

    /** @param referrers how many referrers are ranked; attributed how many referrals they were counted from */
    public record Rebuilt(long campaignId, long referrers, long attributed) {}

    /**
     * Rebuilds once per Idempotency-Key: a replay answers the first answer and rebuilds nothing. The rebuild is
     * Redis-only work, done with no transaction open; the key and the answer are recorded in one short transaction
     * after it.
     */
    public <A> A handle(long campaignId, IdempotentRequests.Answer<Rebuilt, A> answer) {
        Optional<A> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Rebuilt rebuilt = handle(campaignId);
        return tx.execute(s -> idempotency.once(answer, () -> rebuilt));
    }

    public Rebuilt handle(long campaignId) {
        long id = campaigns.require(campaignId).id();
        Instant since = clock.instant().minus(OVERLAP);
        List<Leaderboard.Counted> counted = referrals.attributed(id).stream()
                .map(a -> new Leaderboard.Counted(a.referralId(), a.referrerUserId(), a.decidedAt()))
                .toList();
        leaderboard.replace(id, counted, since);
        long referrers = counted.stream()
                .map(Leaderboard.Counted::referrerUserId)
                .distinct()
                .count();
        log.info(
                "Rebuilt the leaderboard of campaign {}: {} referrers from {} attributed referrals",
                id,
                referrers,
                counted.size());
        return new Rebuilt(id, referrers, counted.size());
    }

    /** Counts a referral that was just attributed; rebuilds the board first when it is missing. */
    @Override
    public void attributed(long campaignId, long referralId, String referrerUserId, Instant decidedAt) {
        if (!leaderboard.attributed(campaignId, new Leaderboard.Counted(referralId, referrerUserId, decidedAt))) {
            handle(campaignId); // the rebuild reads the committed referral too
        }
    }

    /**
     * Takes back a referral rejected after it was attributed (once, however often it is called); its referrer's lower
     * count dates from their latest attribution still standing, as a rebuild would have it. Call it after the
     * rejection commits.
     */
    @Override
    public void rejected(long campaignId, long referralId, String referrerUserId) {
        if (leaderboard.rejected(campaignId, referralId, referrals.latestAttribution(campaignId, referrerUserId))) {
            log.info(
                    "Leaderboard of campaign {}: referral {} of {} taken back after its rejection",
                    campaignId,
                    referralId,
                    referrerUserId);
        }
    }

    /** Rebuilds the board when it is missing, before it is read. */
    void ensureBuilt(long campaignId) {
        if (leaderboard.missing(campaignId)) {
            handle(campaignId);
        }
    }
}
