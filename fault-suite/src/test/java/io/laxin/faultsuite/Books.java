package io.laxin.faultsuite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The script's own bookkeeping: what it did and what the suite answered it (a registration's outcome, a reviewer's
 * decision, a late analysis's rejections), and from that and the campaign policy alone what each user must be owed and
 * paid. Never reads the suite's databases. Thread-safe (one lock).
 */
final class Books {

    /** The campaign policy the script creates (cash, no hold, 10 % cashback), so every amount is computable here. */
    static final long REFERRER_FEN = 300;

    static final long INVITEE_FEN = 100;
    static final int CASHBACK_BASIS_POINTS = 1_000;

    /** What became of a registration, from the answers the script got. */
    enum Fate {
        /** attributed at registration or approved by the reviewer: both rewards and the referrer's cashback stand */
        STANDING,
        /** held for review, case still open: nothing is owed yet */
        HELD,
        /** refused at registration or rejected by the reviewer before anything was issued */
        REJECTED,
        /** rejected after its rewards were issued (late analysis): everything it earned is taken back */
        REJECTED_LATE
    }

    /** One invitee's referral in a campaign. */
    static final class Referral {
        final long campaignId;
        final long referralId;
        final String referrer;
        final String invitee;
        Fate fate;

        Referral(long campaignId, long referralId, String referrer, String invitee, Fate fate) {
            this.campaignId = campaignId;
            this.referralId = referralId;
            this.referrer = referrer;
            this.invitee = invitee;
            this.fate = fate;
        }
    }

    /** A paid order of an invitee and its refunds so far. */
    static final class Order {
        final String orderId;
        final Referral buyer;
        final long amountFen;
        long refundedFen;

        Order(String orderId, Referral buyer, long amountFen) {
            this.orderId = orderId;
            this.buyer = buyer;
            this.amountFen = amountFen;
        }
    }

    /** A user in a campaign: the unit of balances and payouts. */
    record Account(long campaignId, String userId) implements Comparable<Account> {
        @Override
        public int compareTo(Account o) {
            int c = Long.compare(campaignId, o.campaignId);
            return c != 0 ? c : userId.compareTo(o.userId);
        }

        @Override
        public String toString() {
            return campaignId + "/" + userId;
        }
    }

    private final Map<String, Referral> referrals = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();

    synchronized Referral registered(long campaignId, long referralId, String referrer, String invitee, Fate fate) {
        Referral r = new Referral(campaignId, referralId, referrer, invitee, fate);
        referrals.put(campaignId + "/" + invitee, r);
        return r;
    }

    synchronized Referral referral(long campaignId, String invitee) {
        return referrals.get(campaignId + "/" + invitee);
    }

    synchronized void decided(Referral r, Fate fate) {
        r.fate = fate;
    }

    synchronized List<Referral> referrals(Fate fate) {
        return referrals.values().stream().filter(r -> r.fate == fate).toList();
    }

    synchronized Order paid(String orderId, Referral buyer, long amountFen) {
        Order o = new Order(orderId, buyer, amountFen);
        orders.put(orderId, o);
        return o;
    }

    synchronized void refunded(Order o, long amountFen) {
        o.refundedFen += amountFen;
    }

    synchronized List<Order> orders() {
        return new ArrayList<>(orders.values());
    }

    synchronized int registrations() {
        return referrals.size();
    }

    /** The referrer's cashback for an order that stands: its share, less what its refunds took back. */
    static long cashbackKept(long amountFen, long refundedFen) {
        long issued = amountFen * CASHBACK_BASIS_POINTS / 10_000;
        return issued - issued * refundedFen / amountFen;
    }

    /** What the script expects the suite to hold at the end. */
    record Expected(
            Map<Account, Long> netFen,
            Set<String> rewardKeys,
            Set<Long> standingReferrals,
            Map<Account, Long> payoutFen) {}

    synchronized Expected expected(long minPayoutFen) {
        Map<Account, Long> net = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        Set<Long> standing = new HashSet<>();
        for (Referral r : referrals.values()) {
            if (r.fate == Fate.STANDING) {
                standing.add(r.referralId);
                net.merge(new Account(r.campaignId, r.referrer), REFERRER_FEN, Long::sum);
                net.merge(new Account(r.campaignId, r.invitee), INVITEE_FEN, Long::sum);
                keys.add("referral:" + r.referralId + ":REFERRER");
                keys.add("referral:" + r.referralId + ":INVITEE");
            }
        }
        for (Order o : orders.values()) {
            if (o.buyer.fate == Fate.STANDING) {
                long kept = cashbackKept(o.amountFen, o.refundedFen);
                net.merge(new Account(o.buyer.campaignId, o.buyer.referrer), kept, Long::sum);
                if (o.amountFen * CASHBACK_BASIS_POINTS / 10_000 > 0) {
                    keys.add("cashback:" + o.orderId);
                }
            }
        }
        Map<Account, Long> payout = new TreeMap<>();
        net.forEach((account, fen) -> {
            if (fen >= minPayoutFen) {
                payout.put(account, fen);
            }
        });
        return new Expected(net, keys, standing, payout);
    }
}
