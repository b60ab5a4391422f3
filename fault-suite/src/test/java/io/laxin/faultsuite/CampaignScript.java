package io.laxin.faultsuite;

import io.laxin.faultsuite.Books.Fate;
import io.laxin.faultsuite.Books.Order;
import io.laxin.faultsuite.Books.Referral;
import io.laxin.testsupport.TestHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The campaign the fault suite plays through the gateway, one step at a time, writing down in {@link Books} what it
 * did and what the suite answered: registrations (some held for review by a rule), paid orders, partial and full
 * refunds, the reviewer's decisions on held registrations, and a referral ring that the late analysis rejects after
 * its rewards were issued. Deterministic for a seed.
 */
final class CampaignScript {

    static final String OPS = "fault-ops";
    static final String FINANCE_1 = "fault-fin-1";
    static final String FINANCE_2 = "fault-fin-2";
    private static final int REFERRERS = 5;

    private final Api api;
    final Books books = new Books();
    private final Random random;
    final List<Long> campaigns = new ArrayList<>();
    private final Map<Long, List<String>> codes = new LinkedHashMap<>();
    private final Map<Long, Map<String, String>> referrerOfCode = new LinkedHashMap<>();
    private final List<Order> refundable = new ArrayList<>();
    private final AtomicInteger steps = new AtomicInteger();
    final AtomicInteger refunds = new AtomicInteger();
    final AtomicInteger decisions = new AtomicInteger();
    final AtomicInteger lateRejections = new AtomicInteger();
    private int invitees;
    private int orderSeq;
    private boolean ringRegistered;
    private boolean ringRejected;
    private final String run;

    CampaignScript(Api api, long seed) {
        this.api = api;
        this.random = new Random(seed);
        this.run = Long.toString(seed, 36);
    }

    int steps() {
        return steps.get();
    }

    /** Two campaigns with the same cash policy (no hold, 10 % cashback), a review rule, and their referrers' codes. */
    void setUp() {
        for (String name : List.of("A", "B")) {
            Map<String, Object> body = Map.of(
                    "name", "Fault suite " + name + " " + run,
                    "status", "DRAFT",
                    "startsAt", "2020-01-01T00:00:00Z",
                    "endsAt", "2099-01-01T00:00:00Z",
                    "attributionWindowDays", 7,
                    "landingUrl", "https://brand.example/register",
                    "rewardPolicy",
                            Map.of(
                                    "referrerReward", Map.of("kind", "CASH", "amount", Books.REFERRER_FEN),
                                    "inviteeReward", Map.of("kind", "CASH", "amount", Books.INVITEE_FEN),
                                    "holdDays", 0,
                                    "cashback",
                                            Map.of("shareBasisPoints", Books.CASHBACK_BASIS_POINTS, "windowDays", 30)));
            TestHttp.Response created =
                    api.staff(OPS, "OPS", "POST", "/api/v1/admin/campaigns", body, "campaign-" + name + "-" + run);
            require(created, 201, 200);
            long id = created.json().get("id").asLong();
            require(
                    api.staff(OPS, "OPS", "POST", "/api/v1/admin/campaigns/" + id + "/activate", Map.of(), null),
                    200,
                    409);
            // virtual-carrier numbers are a review matter here: the script's "risky" registrations are held
            require(
                    api.staff(
                            OPS,
                            "OPS",
                            "PUT",
                            "/api/v1/admin/risk/rules/VIRTUAL_CARRIER?campaignId=" + id,
                            Map.of("enabled", true, "weight", 60),
                            null),
                    200);
            campaigns.add(id);
            List<String> list = new ArrayList<>();
            Map<String, String> owners = new LinkedHashMap<>();
            for (int i = 0; i < REFERRERS; i++) {
                String referrer = "ref-" + run + "-" + name + i;
                String code = codeOf(referrer, id);
                list.add(code);
                owners.put(code, referrer);
            }
            codes.put(id, list);
            referrerOfCode.put(id, owners);
        }
    }

    private String codeOf(String user, long campaign) {
        TestHttp.Response r = api.user(user, "/api/v1/invites/mine?campaignId=" + campaign);
        require(r, 200);
        return r.json().get("code").asString();
    }

    /** One step of the campaign: a registration, then orders, refunds, reviews and the ring as their turn comes. */
    void step() {
        int n = steps.incrementAndGet();
        register(n % 4 == 3);
        for (int i = 0; i < 2; i++) {
            payAnOrder();
        }
        if (n % 2 == 0) {
            refundAnOrder();
        }
        if (n % 3 == 0) {
            review(false);
        }
        if (n == 3) {
            registerTheRing();
        }
        if (n % 8 == 0) {
            release();
        }
        if (n >= 10 && ringRegistered && !ringRejected && n % 5 == 0) {
            rejectTheRingLate();
        }
    }

    private void register(boolean risky) {
        long campaign = campaigns.get(invitees % campaigns.size());
        List<String> list = codes.get(campaign);
        String code = list.get(random.nextInt(list.size()));
        String invitee = "inv-" + run + "-" + (++invitees);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaign);
        body.put("inviteeUserId", invitee);
        body.put("inviteCode", code);
        if (risky) {
            body.put("phone", "170" + (10_000_000 + random.nextInt(89_999_999)));
        }
        registration(campaign, invitee, body);
    }

    private Referral registration(long campaign, String invitee, Map<String, Object> body) {
        TestHttp.Response r = api.host("/api/v1/host/registrations", body, "reg-" + campaign + "-" + invitee);
        require(r, 200);
        JsonNode j = r.json();
        Fate fate = switch (j.get("outcome").asString()) {
            case "ATTRIBUTED" -> Fate.STANDING;
            case "PENDING_REVIEW" -> Fate.HELD;
            default -> Fate.REJECTED;
        };
        long referralId = j.hasNonNull("referralId") ? j.get("referralId").asLong() : -1;
        String referrer =
                j.hasNonNull("referrerUserId") ? j.get("referrerUserId").asString() : null;
        return books.registered(campaign, referralId, referrer, invitee, fate);
    }

    private void payAnOrder() {
        List<Referral> buyers = new ArrayList<>(books.referrals(Fate.STANDING));
        buyers.addAll(books.referrals(Fate.REJECTED_LATE));
        if (buyers.isEmpty()) {
            return;
        }
        Referral buyer = buyers.get(random.nextInt(buyers.size()));
        pay(buyer, 1_000 + random.nextInt(30_000));
    }

    private Order pay(Referral buyer, long amountFen) {
        String orderId = "ord-" + run + "-" + (++orderSeq);
        Map<String, Object> body = Map.of(
                "orderId",
                orderId,
                "buyerUserId",
                buyer.invitee,
                "amountFen",
                amountFen,
                "paidAt",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        TestHttp.Response r = api.host("/api/v1/host/orders/paid", body, "pay-" + orderId);
        require(r, 200, 201);
        Order o = books.paid(orderId, buyer, amountFen);
        // an order reported before reward-service learnt the attribution (NOT_INVITEE) is screened again when it
        // does; the script refunds only orders the suite answered QUALIFIED, so the refund's effect is defined
        if ("QUALIFIED".equals(r.json().get("outcome").asString())) {
            refundable.add(o);
        }
        return o;
    }

    /** A partial refund (a third), or the rest of the order (a full refund in one or two parts). */
    private void refundAnOrder() {
        if (refundable.isEmpty()) {
            return;
        }
        Order o = refundable.get(random.nextInt(refundable.size()));
        long left = o.amountFen - o.refundedFen;
        long amount = random.nextBoolean() ? Math.max(1, left / 3) : left;
        refund(o, amount);
    }

    private void refund(Order o, long amount) {
        String refundId = "rf-" + o.orderId + "-" + (o.refundedFen + amount);
        Map<String, Object> body = Map.of(
                "refundId",
                refundId,
                "orderId",
                o.orderId,
                "amountFen",
                amount,
                "refundedAt",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        TestHttp.Response r = api.host("/api/v1/host/orders/refunds", body, "refund-" + refundId);
        require(r, 200, 201);
        books.refunded(o, amount);
        refunds.incrementAndGet();
        if (o.refundedFen >= o.amountFen) {
            refundable.remove(o);
        }
    }

    /**
     * The reviewer decides the oldest held registration (with {@code all} every one whose case is open): approves two
     * of three, rejects the third. One in four is left open on purpose: nothing may be lost for a case that stays
     * open, and it must not be stuck without its case.
     */
    void review(boolean all) {
        List<Referral> held = books.referrals(Fate.HELD);
        for (int i = 0; i < held.size(); i++) {
            Referral r = held.get(i);
            if (r.referralId % 4 == 0) {
                continue;
            }
            JsonNode c = openCase(r);
            if (c == null) {
                continue; // its screening has not opened the case yet
            }
            boolean approve = r.referralId % 3 != 0;
            TestHttp.Response d = api.staff(
                    OPS,
                    "OPS",
                    "POST",
                    "/api/v1/admin/risk/cases/" + c.get("id").asLong() + "/decision",
                    Map.of("decision", approve ? "APPROVE" : "REJECT", "note", "fault suite reviewer"),
                    null);
            // a decision whose answer was lost and is sent again finds the case decided (409): read what it is
            require(d, 200, 409);
            String status = d.status() == 200 ? d.json().get("status").asString() : caseStatus(r);
            books.decided(r, "APPROVED".equals(status) ? Fate.STANDING : Fate.REJECTED);
            decisions.incrementAndGet();
            if (!all) {
                return;
            }
        }
    }

    private JsonNode openCase(Referral r) {
        TestHttp.Response list = api.staff(
                OPS,
                "OPS",
                "GET",
                "/api/v1/admin/risk/cases?status=OPEN&campaignId=" + r.campaignId + "&size=200",
                null,
                null);
        require(list, 200);
        for (JsonNode c : list.json().get("items")) {
            if (c.get("inviteeUserId").asString().equals(r.invitee)) {
                return c;
            }
        }
        return null;
    }

    private String caseStatus(Referral r) {
        for (String status : List.of("APPROVED", "REJECTED")) {
            TestHttp.Response list = api.staff(
                    OPS,
                    "OPS",
                    "GET",
                    "/api/v1/admin/risk/cases?status=" + status + "&campaignId=" + r.campaignId + "&size=200",
                    null,
                    null);
            require(list, 200);
            for (JsonNode c : list.json().get("items")) {
                if (c.get("inviteeUserId").asString().equals(r.invitee)) {
                    return status;
                }
            }
        }
        throw new IllegalStateException("The case of " + r.invitee + " is neither open nor decided");
    }

    /**
     * Registrations still held in the books whose referral the suite has decided without the reviewer — held only
     * because screening did not answer (antifraud-service or its database down) and screened again later — as the
     * host reads them ({@code GET /api/v1/host/referrals}): written down as they now stand.
     */
    void learnHeldOutcomes() {
        for (Referral r : books.referrals(Fate.HELD)) {
            TestHttp.Response list = api.hostGet("/api/v1/host/referrals?inviteeUserId=" + r.invitee);
            require(list, 200);
            for (JsonNode x : list.json()) {
                if (x.get("campaignId").asLong() != r.campaignId) {
                    continue;
                }
                switch (x.get("status").asString()) {
                    case "ATTRIBUTED" -> books.decided(r, Fate.STANDING);
                    case "REJECTED" -> books.decided(r, Fate.REJECTED);
                    default -> {}
                }
            }
        }
    }

    /** Two users who invite each other, one in each campaign: each passes on its own; the late analysis finds them. */
    private void registerTheRing() {
        long a = campaigns.get(0);
        long b = campaigns.get(1);
        String x = "ring-" + run + "-x";
        String y = "ring-" + run + "-y";
        Referral yInA = registration(a, y, Map.of("campaignId", a, "inviteeUserId", y, "inviteCode", codeOf(x, a)));
        Referral xInB = registration(b, x, Map.of("campaignId", b, "inviteeUserId", x, "inviteCode", codeOf(y, b)));
        ringRegistered = true;
        for (Referral r : List.of(yInA, xInB)) {
            if (r.fate == Fate.STANDING) {
                Order o = pay(r, 20_000);
                if (refundable.contains(o)) {
                    refund(o, 5_000);
                }
            }
        }
    }

    /**
     * The operator runs the late analysis; every invitee it rejects is written down as rejected late (whatever it
     * rejects, the script reads the decision from the suite's answers, as an operator would).
     */
    private void rejectTheRingLate() {
        TestHttp.Response run = api.staff(OPS, "OPS", "POST", "/api/v1/admin/risk/analysis/runs", Map.of(), null);
        require(run, 200);
        if (!run.json().get("ran").asBoolean()) {
            return; // the scheduled run holds the lease: next time
        }
        for (long campaign : campaigns) {
            TestHttp.Response list = api.staff(
                    OPS,
                    "OPS",
                    "GET",
                    "/api/v1/admin/risk/cases?status=REJECTED&campaignId=" + campaign + "&size=200",
                    null,
                    null);
            require(list, 200);
            for (JsonNode c : list.json().get("items")) {
                if (!"LATE_ANALYSIS".equals(c.get("source").asString())) {
                    continue;
                }
                Referral r = books.referral(campaign, c.get("inviteeUserId").asString());
                if (r != null && r.fate == Fate.STANDING) {
                    books.decided(r, Fate.REJECTED_LATE);
                    lateRejections.incrementAndGet();
                }
            }
        }
        ringRejected = lateRejections.get() > 0;
    }

    /** FINANCE runs the release job now (the policy has no hold, so every issued reward becomes available). */
    void release() {
        require(api.staff(FINANCE_1, "FINANCE", "POST", "/api/v1/admin/rewards/release-runs", Map.of(), null), 200);
    }

    boolean ringRejected() {
        return ringRejected;
    }

    void finishTheRing() {
        for (int i = 0; i < 20 && ringRegistered && !ringRejected; i++) {
            rejectTheRingLate();
            if (!ringRejected) {
                ChildProcess.sleep(1_000);
            }
        }
    }

    static void require(TestHttp.Response r, int... accepted) {
        for (int status : accepted) {
            if (r.status() == status) {
                return;
            }
        }
        throw new IllegalStateException("Unexpected answer: " + r);
    }
}
