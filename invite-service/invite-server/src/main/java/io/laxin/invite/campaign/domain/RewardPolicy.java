package io.laxin.invite.campaign.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a campaign promises each side of a referral: the two rewards, the hold period (冻结期) before rewards become
 * available, and optionally milestone bonuses, caps on the referrer's rewards, a budget and cashback. A value, valid
 * by construction: a change of an active campaign's policy makes a new version (see {@link Campaign#revised}).
 *
 * @param milestones bonuses for the referrer's Nth attributed invitee; never null, each nth at most once
 * @param caps       null for no caps
 * @param budgetFen  null for no budget
 * @param cashback   null for no cashback
 * @throws IllegalArgumentException with a message a caller can act on when the values do not make a policy
 */
public record RewardPolicy(
        Reward referrerReward,
        Reward inviteeReward,
        int holdDays,
        List<Milestone> milestones,
        Caps caps,
        Long budgetFen,
        Cashback cashback) {

    public enum Kind {
        POINTS,
        CASH,
        COUPON
    }

    /** Points, cash in fen, or a coupon template id. */
    public record Reward(Kind kind, long amount) {
        public Reward {
            if (kind == null || amount < 0) {
                throw new IllegalArgumentException("A reward needs a kind and a non-negative amount");
            }
        }

        /** Whether this reward gives something: points or fen above zero, or a coupon template id. */
        boolean givesSomething() {
            return amount > 0;
        }
    }

    /** A bonus for the referrer's {@code nth} attributed invitee. */
    public record Milestone(int nth, Reward reward) {
        public Milestone {
            if (nth < 1 || reward == null) {
                throw new IllegalArgumentException("A milestone needs nth >= 1 and a reward");
            }
            if (!reward.givesSomething()) {
                throw new IllegalArgumentException("The milestone for invitee #" + nth + " gives nothing");
            }
        }
    }

    /** How many invitees earn the referrer a reward per UTC day, month and campaign; null for no cap. */
    public record Caps(Integer perDay, Integer perMonth, Integer perCampaign) {
        public Caps {
            for (Integer cap : new Integer[] {perDay, perMonth, perCampaign}) {
                if (cap != null && cap < 1) {
                    throw new IllegalArgumentException("caps must be at least 1 when set");
                }
            }
            requireAtMost("perDay", perDay, "perMonth", perMonth);
            requireAtMost("perMonth", perMonth, "perCampaign", perCampaign);
            requireAtMost("perDay", perDay, "perCampaign", perCampaign);
        }

        private static void requireAtMost(String smallName, Integer small, String largeName, Integer large) {
            if (small != null && large != null && small > large) {
                throw new IllegalArgumentException("caps." + smallName + " (" + small + ") must not exceed caps."
                        + largeName + " (" + large + ")");
            }
        }
    }

    /**
     * The referrer's share of the invitee's paid orders and the first-order bonuses.
     *
     * @param shareBasisPoints 1/10000 of each qualifying order (500 = 5 %)
     */
    public record Cashback(
            int shareBasisPoints,
            Integer windowDays,
            Integer firstOrders,
            Reward firstOrderReferrerBonus,
            Reward firstOrderInviteeBonus) {
        public Cashback {
            if (shareBasisPoints < 0 || shareBasisPoints > 10_000) {
                throw new IllegalArgumentException("cashback.shareBasisPoints must be within 0..10000");
            }
            if ((windowDays != null && windowDays < 1) || (firstOrders != null && firstOrders < 1)) {
                throw new IllegalArgumentException(
                        "cashback.windowDays and cashback.firstOrders must be >= 1 when set");
            }
            if (firstOrderReferrerBonus != null && !firstOrderReferrerBonus.givesSomething()
                    || firstOrderInviteeBonus != null && !firstOrderInviteeBonus.givesSomething()) {
                throw new IllegalArgumentException("A first-order bonus needs a positive amount (points, fen, or a "
                        + "coupon template id); leave it out for none");
            }
            if (shareBasisPoints == 0 && firstOrderReferrerBonus == null && firstOrderInviteeBonus == null) {
                throw new IllegalArgumentException("cashback gives nothing: set shareBasisPoints or a first-order "
                        + "bonus, or leave cashback out");
            }
        }
    }

    public RewardPolicy {
        if (referrerReward == null || inviteeReward == null) {
            throw new IllegalArgumentException("Both sides' rewards are required");
        }
        if (holdDays < 0 || holdDays > 365) {
            throw new IllegalArgumentException("holdDays must be within 0..365");
        }
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        Set<Integer> seen = new HashSet<>();
        for (Milestone m : milestones) {
            if (!seen.add(m.nth())) {
                throw new IllegalArgumentException("milestones: nth " + m.nth() + " appears more than once");
            }
        }
        if (budgetFen != null && budgetFen < 0) {
            throw new IllegalArgumentException("budgetFen must be >= 0");
        }
    }

    /** A policy with the two-sided rewards only: no milestones, caps, budget or cashback. */
    public RewardPolicy(Reward referrerReward, Reward inviteeReward, int holdDays) {
        this(referrerReward, inviteeReward, holdDays, List.of(), null, null, null);
    }
}
