package io.laxin.antifraud.analysis.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Referrers whose invitees never order twice: the farm's invitees order once, for the first-order bonus, and are never
 * seen again, while a real friend comes back. Among one referrer's invitees in a campaign that registered at least
 * {@code window} ago (younger ones have not had the time to order again), when there are at least
 * {@code minInvitees} of them and at least {@code sharePercent}% ordered at most once, the referrer is suspect.
 */
public final class SingleOrderReferrers {

    /** How many invitee ids the evidence names. */
    public static final int SAMPLE = 5;

    /** The rule's thresholds for one campaign. */
    public record Criteria(int minInvitees, int sharePercent, Duration window) {}

    /**
     * A suspect referrer.
     *
     * @param judged     invitees old enough to be judged
     * @param singleOrder those of them with at most one order (the ones to review)
     */
    public record Suspect(
            long campaignId, String referrerUserId, List<InviteeOrders> judged, List<InviteeOrders> singleOrder) {

        public int sharePercent() {
            return (int) (100L * singleOrder.size() / judged.size());
        }

        /** "u-1 (1 order), u-2 (0 orders), … and 7 more". */
        public String sample() {
            String named = singleOrder.stream()
                    .limit(SAMPLE)
                    .map(i -> i.inviteeUserId() + " (" + i.orders() + (i.orders() == 1 ? " order)" : " orders)"))
                    .collect(Collectors.joining(", "));
            return singleOrder.size() > SAMPLE ? named + " and " + (singleOrder.size() - SAMPLE) + " more" : named;
        }
    }

    private SingleOrderReferrers() {}

    /**
     * The suspects among one campaign's invitees. An invitee screened more than once counts once.
     *
     * @param invitees the campaign's invitees (any referrer, any age)
     */
    public static List<Suspect> find(List<InviteeOrders> invitees, Criteria c, Instant now) {
        Instant registeredBy = now.minus(c.window());
        Map<String, Map<String, InviteeOrders>> byReferrer = new LinkedHashMap<>();
        for (InviteeOrders i : invitees) {
            if (!i.registeredAt().isAfter(registeredBy)) {
                byReferrer
                        .computeIfAbsent(i.referrerUserId(), k -> new LinkedHashMap<>())
                        .putIfAbsent(i.inviteeUserId(), i);
            }
        }
        List<Suspect> suspects = new ArrayList<>();
        for (Map<String, InviteeOrders> group : byReferrer.values()) {
            judge(new ArrayList<>(group.values()), c).ifPresent(suspects::add);
        }
        return suspects;
    }

    private static Optional<Suspect> judge(List<InviteeOrders> judged, Criteria c) {
        if (judged.size() < c.minInvitees()) {
            return Optional.empty();
        }
        List<InviteeOrders> single =
                judged.stream().filter(i -> i.orders() <= 1).toList();
        if (100L * single.size() < (long) c.sharePercent() * judged.size()) {
            return Optional.empty();
        }
        InviteeOrders first = judged.get(0);
        return Optional.of(new Suspect(first.campaignId(), first.referrerUserId(), judged, single));
    }
}
