package io.laxin.reward.reward.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rewards one attributed referral earns under its policy: the referrer's and the invitee's, plus the milestone
 * bonus when this invitee is the referrer's Nth standing one — invitees revoked as fraud do not count — and the
 * referrer does not hold that milestone already (a side whose reward is zero gets none). All PENDING until the hold period has passed. Caps are applied here
 * (the counts come from the caller, under the referrer's lock); the budget is applied when they are issued.
 */
public final class ReferralRewardPlan {

    public static final String CAP_PER_DAY = "CAP_PER_DAY";
    public static final String CAP_PER_MONTH = "CAP_PER_MONTH";
    public static final String CAP_PER_CAMPAIGN = "CAP_PER_CAMPAIGN";
    public static final String FRAUD_REJECTED = "FRAUD_REJECTED";

    private ReferralRewardPlan() {}

    /** What the referrer has earned so far, for caps: granted referral rewards today, this month, in the campaign. */
    public record Earned(long today, long thisMonth, long inCampaign) {}

    public static List<Reward> rewardsFor(Attribution a, String eventId, int nth, Earned earned, Instant now) {
        return rewardsFor(a, eventId, nth, Set.of(), earned, now);
    }

    /**
     * @param nth   this invitee's place among the referrer's standing (not revoked) invitees in the campaign
     * @param held  the milestones the referrer holds already (granted, not revoked): one is not paid again
     */
    public static List<Reward> rewardsFor(
            Attribution a, String eventId, int nth, Set<Integer> held, Earned earned, Instant now) {
        RewardPolicy p = a.policy();
        Instant releaseAt = a.attributedAt().plus(Duration.ofDays(p.holdDays()));
        String key = "referral:" + a.referralId() + ":";
        List<Reward> referrer = new ArrayList<>();
        referrer.add(Reward.pending(
                a.campaignId(),
                a.referralId(),
                a.referrerUserId(),
                Beneficiary.REFERRER,
                Reward.Origin.of(RewardSource.REFERRAL, key + "REFERRER", eventId, a.policyVersion(), null),
                p.referrer(),
                releaseAt,
                now));
        for (RewardPolicy.Milestone m : p.milestones()) {
            if (m.nth() == nth && !held.contains(nth)) {
                referrer.add(Reward.pending(
                        a.campaignId(),
                        a.referralId(),
                        a.referrerUserId(),
                        Beneficiary.REFERRER,
                        Reward.Origin.of(
                                RewardSource.MILESTONE, key + "MILESTONE:" + nth, eventId, a.policyVersion(), null),
                        m.reward(),
                        releaseAt,
                        now));
            }
        }
        String capped = capReached(p.caps(), earned);
        List<Reward> all = new ArrayList<>();
        referrer.forEach(r -> all.add(capped == null ? r : r.refused(capped)));
        all.add(Reward.pending(
                a.campaignId(),
                a.referralId(),
                a.inviteeUserId(),
                Beneficiary.INVITEE,
                Reward.Origin.of(RewardSource.REFERRAL, key + "INVITEE", eventId, a.policyVersion(), null),
                p.invitee(),
                releaseAt,
                now));
        all.removeIf(r -> r.amount() <= 0);
        return all;
    }

    /** Every reward of the referral refused: the invitee was rejected as fraud before the attribution arrived. */
    public static List<Reward> refusedAsFraud(Attribution a, String eventId, Instant now) {
        return rewardsFor(a, eventId, 0, new Earned(0, 0, 0), now).stream()
                .map(r -> r.refused(FRAUD_REJECTED))
                .toList();
    }

    static String capReached(RewardPolicy.Caps caps, Earned earned) {
        if (caps == null) {
            return null;
        }
        if (caps.perDay() != null && earned.today() >= caps.perDay()) {
            return CAP_PER_DAY;
        }
        if (caps.perMonth() != null && earned.thisMonth() >= caps.perMonth()) {
            return CAP_PER_MONTH;
        }
        if (caps.perCampaign() != null && earned.inCampaign() >= caps.perCampaign()) {
            return CAP_PER_CAMPAIGN;
        }
        return null;
    }

    /** Start of the UTC day and month of an instant, for counting caps. */
    public static Instant dayStart(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    public static Instant monthStart(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC)
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
