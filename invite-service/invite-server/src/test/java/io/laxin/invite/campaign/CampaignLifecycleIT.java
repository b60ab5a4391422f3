package io.laxin.invite.campaign;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.TestHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Campaign lifecycle, edits, the versioned reward policy and the operators' listing. */
class CampaignLifecycleIT extends InviteItSupport {

    private static final String CAMPAIGNS = "/api/v1/admin/campaigns";

    private static Map<String, Object> draftBody(String name) {
        Map<String, Object> body = new HashMap<>(campaignBody(name));
        body.put("status", "DRAFT");
        return body;
    }

    /** The policy of campaignBody with every optional part set. */
    private static Map<String, Object> fullPolicy(int referrerPoints) {
        return Map.of(
                "referrerReward",
                Map.of("kind", "POINTS", "amount", referrerPoints),
                "inviteeReward",
                Map.of("kind", "CASH", "amount", 300),
                "holdDays",
                3,
                "milestones",
                List.of(
                        Map.of("nth", 3, "reward", Map.of("kind", "CASH", "amount", 1000)),
                        Map.of("nth", 10, "reward", Map.of("kind", "COUPON", "amount", 77))),
                "caps",
                Map.of("perDay", 5, "perMonth", 50, "perCampaign", 200),
                "budgetFen",
                5_000_000,
                "cashback",
                Map.of(
                        "shareBasisPoints",
                        500,
                        "windowDays",
                        30,
                        "firstOrders",
                        3,
                        "firstOrderReferrerBonus",
                        Map.of("kind", "POINTS", "amount", 100)));
    }

    private TestHttp.Response edit(long campaign, Map<String, Object> changes) {
        return operator().send("PATCH", CAMPAIGNS + "/" + campaign, changes);
    }

    private TestHttp.Response move(long campaign, String action) {
        return operator().post(CAMPAIGNS + "/" + campaign + "/" + action, null);
    }

    private String status(long campaign) {
        return operator().get(CAMPAIGNS + "/" + campaign).json().get("status").asString();
    }

    private JsonNode attributedEventOf(long referralId) {
        String payload = jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE tag = 'ATTRIBUTED' " + "AND payload LIKE ?",
                String.class,
                "%\"referralId\":" + referralId + ",%");
        return TestHttp.JSON.readTree(payload);
    }

    @Test
    void shouldMoveThroughTheLifecycleAndRefuseIllegalTransitions() {
        long c = createCampaign(draftBody("Lifecycle"));
        assertThat(status(c)).isEqualTo("DRAFT");
        assertProblem(
                as(Caller.user("lc-alice")).get("/api/v1/invites/mine?campaignId=" + c), 409, "CAMPAIGN_NOT_ACTIVE");
        assertProblem(move(c, "pause"), 409, "CAMPAIGN_TRANSITION_REFUSED");
        assertProblem(move(c, "end"), 409, "CAMPAIGN_TRANSITION_REFUSED");
        assertProblem(
                as(Caller.staff("fin-1", Role.FINANCE)).post(CAMPAIGNS + "/" + c + "/activate", null),
                403,
                "FORBIDDEN");

        assertThat(move(c, "activate").json().get("status").asString()).isEqualTo("ACTIVE");
        assertProblem(move(c, "activate"), 409, "CAMPAIGN_TRANSITION_REFUSED");
        String code = codeOf(c, "lc-alice");
        assertThat(move(c, "pause").json().get("status").asString()).isEqualTo("PAUSED");

        // paused: the link still redirects, but no registration is attributed and no new code is issued
        long referrals = count("referral");
        touch(code, "lc-phone");
        assertProblem(register(c, "lc-bob", code), 409, "CAMPAIGN_NOT_ACTIVE");
        assertThat(count("referral")).isEqualTo(referrals);
        assertProblem(
                as(Caller.user("lc-carol")).get("/api/v1/invites/mine?campaignId=" + c), 409, "CAMPAIGN_NOT_ACTIVE");
        assertThat(codeOf(c, "lc-alice")).isEqualTo(code);

        assertThat(move(c, "activate").json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(register(c, "lc-bob", code).json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
        assertThat(move(c, "end").json().get("status").asString()).isEqualTo("ENDED");
        assertProblem(move(c, "activate"), 409, "CAMPAIGN_TRANSITION_REFUSED");
        assertProblem(move(c, "pause"), 409, "CAMPAIGN_TRANSITION_REFUSED");
        assertProblem(edit(c, Map.of("name", "Too late")), 409, "CAMPAIGN_NOT_EDITABLE");
        assertProblem(register(c, "lc-dave", code), 409, "CAMPAIGN_NOT_ACTIVE");
        assertThat(status(c)).isEqualTo("ENDED");
    }

    @Test
    void shouldEditEveryFieldOfADraftAndKeepItsPolicyAtVersionOne() {
        long c = createCampaign(draftBody("Draft"));

        var edited = edit(
                c,
                Map.of(
                        "name",
                        "Draft v2",
                        "startsAt",
                        "2021-01-01T00:00:00Z",
                        "attributionWindowDays",
                        14,
                        "bindingMode",
                        "LAST_TOUCH",
                        "rewardPolicy",
                        fullPolicy(900)));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        var read = operator().get(CAMPAIGNS + "/" + c).json();
        assertThat(read.get("name").asString()).isEqualTo("Draft v2");
        assertThat(read.get("attributionWindowDays").asInt()).isEqualTo(14);
        assertThat(read.get("bindingMode").asString()).isEqualTo("LAST_TOUCH");
        assertThat(read.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(read.get("rewardPolicy").get("referrerReward").get("amount").asLong())
                .isEqualTo(900);
        var versions = operator().get(CAMPAIGNS + "/" + c + "/policies").json();
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("policy").get("caps").get("perMonth").asInt())
                .isEqualTo(50);
    }

    /** A policy version as reward-service reads it. */
    private JsonNode policyAt(long campaign, int version) {
        return as(Caller.service("reward-service"))
                .get("/internal/campaigns/" + campaign + "/policies/" + version)
                .json()
                .get("policy");
    }

    @Test
    void shouldVersionAPolicyChangeOfAnActiveCampaignAndDecideLaterReferralsUnderIt() {
        long c = createCampaign();
        String code = codeOf(c, "pv-alice");
        long before = register(c, "pv-bob", code).json().get("referralId").asLong();

        var changed = edit(c, Map.of("name", "Richer", "rewardPolicy", fullPolicy(800)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("policyVersion").asInt()).isEqualTo(2);
        assertThat(edit(c, Map.of("rewardPolicy", fullPolicy(800)))
                        .json()
                        .get("policyVersion")
                        .asInt())
                .as("the same policy again makes no version")
                .isEqualTo(2);
        assertProblem(edit(c, Map.of("startsAt", "2021-01-01T00:00:00Z")), 409, "CAMPAIGN_NOT_EDITABLE");
        assertProblem(edit(c, Map.of("bindingMode", "LAST_TOUCH", "name", "Sneaky")), 409, "CAMPAIGN_NOT_EDITABLE");
        assertThat(operator().get(CAMPAIGNS + "/" + c).json().get("name").asString())
                .isEqualTo("Richer");

        long after = register(c, "pv-carol", code).json().get("referralId").asLong();

        // the events name the version; what it is worth is read from invite-service (ADR 0006)
        JsonNode old = attributedEventOf(before);
        assertThat(old.get("policyVersion").asInt()).isEqualTo(1);
        assertThat(old.has("rewardPolicy")).isFalse();
        assertThat(policyAt(c, 1).get("referrerReward").get("amount").asLong()).isEqualTo(500);
        JsonNode e = attributedEventOf(after);
        assertThat(e.get("policyVersion").asInt()).isEqualTo(2);
        assertThat(e.has("rewardPolicy")).isFalse();
        JsonNode p = policyAt(c, 2);
        assertThat(p.get("referrerReward").get("amount").asLong()).isEqualTo(800);
        assertThat(p.get("holdDays").asInt()).isEqualTo(3);
        assertThat(p.get("milestones").size()).isEqualTo(2);
        assertThat(p.get("milestones").get(1).get("nth").asInt()).isEqualTo(10);
        assertThat(p.get("milestones").get(1).get("reward").get("kind").asString())
                .isEqualTo("COUPON");
        assertThat(p.get("caps").get("perDay").asInt()).isEqualTo(5);
        assertThat(p.get("caps").get("perCampaign").asInt()).isEqualTo(200);
        assertThat(p.get("budgetFen").asLong()).isEqualTo(5_000_000);
        assertThat(p.get("cashback").get("shareBasisPoints").asInt()).isEqualTo(500);
        assertThat(p.get("cashback")
                        .get("firstOrderReferrerBonus")
                        .get("amount")
                        .asLong())
                .isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT policy_version FROM referral WHERE id = ?", Integer.class, after))
                .isEqualTo(2);

        var versions = operator().get(CAMPAIGNS + "/" + c + "/policies").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("createdBy").asString()).isEqualTo("op-1");
        assertThat(versions.get(1)
                        .get("policy")
                        .get("referrerReward")
                        .get("amount")
                        .asLong())
                .isEqualTo(500);
    }

    @Test
    void shouldRefuseAnInvalidPolicyAndWriteNothing() {
        long c = createCampaign();
        long campaigns = count("campaign");
        long policies = count("campaign_policy");
        Map<String, Object> valid = fullPolicy(500);
        List<Map<String, Object>> invalid = List.of(
                with(
                        valid,
                        "milestones",
                        List.of(
                                Map.of("nth", 3, "reward", Map.of("kind", "CASH", "amount", 1)),
                                Map.of("nth", 3, "reward", Map.of("kind", "POINTS", "amount", 5)))),
                with(valid, "caps", Map.of("perDay", 10, "perMonth", 5)),
                with(valid, "caps", Map.of("perMonth", 60, "perCampaign", 50)),
                with(
                        valid,
                        "cashback",
                        Map.of(
                                "shareBasisPoints",
                                500,
                                "firstOrderInviteeBonus",
                                Map.of("kind", "COUPON", "amount", 0))),
                with(valid, "budgetFen", -1));

        for (Map<String, Object> policy : invalid) {
            Map<String, Object> create = new HashMap<>(campaignBody("Invalid"));
            create.put("rewardPolicy", policy);
            assertProblem(operator().post(CAMPAIGNS, create), 400, "VALIDATION_FAILED");
            assertProblem(edit(c, Map.of("rewardPolicy", policy)), 400, "VALIDATION_FAILED");
        }
        Map<String, Object> unknownKind = with(
                valid,
                "cashback",
                Map.of("shareBasisPoints", 500, "firstOrderInviteeBonus", Map.of("kind", "VOUCHER", "amount", 5)));
        assertProblem(edit(c, Map.of("rewardPolicy", unknownKind)), 400, "MALFORMED_REQUEST");
        assertThat(count("campaign")).isEqualTo(campaigns);
        assertThat(count("campaign_policy")).isEqualTo(policies);
        assertThat(operator()
                        .get(CAMPAIGNS + "/" + c)
                        .json()
                        .get("policyVersion")
                        .asInt())
                .isEqualTo(1);
    }

    private static Map<String, Object> with(Map<String, Object> policy, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(policy);
        copy.put(key, value);
        return copy;
    }

    @Test
    void shouldListCampaignsNewestFirstFilteredByStatusAndName() {
        String tag = "List-" + UUID.randomUUID();
        long first = createCampaign(campaignBody(tag + " one"));
        long second = createCampaign(draftBody(tag + " two"));
        long third = createCampaign(campaignBody(tag + " three"));

        var page0 = operator().get(CAMPAIGNS + "?q=" + tag + "&size=2").json();
        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page0)).containsExactly(third, second);
        var page1 = as(Caller.staff("fin-1", Role.FINANCE))
                .get(CAMPAIGNS + "?q=" + tag + "&size=2&page=1")
                .json();
        assertThat(ids(page1)).containsExactly(first);
        assertThat(page1.get("items").get(0).get("rewardPolicy").get("holdDays").asInt())
                .isEqualTo(7);

        var drafts = operator().get(CAMPAIGNS + "?status=DRAFT&q=" + tag).json();
        assertThat(drafts.get("total").asLong()).isEqualTo(1);
        assertThat(ids(drafts)).containsExactly(second);
        assertProblem(operator().get(CAMPAIGNS + "?size=101"), 400, "VALIDATION_FAILED");
        assertProblem(operator().get(CAMPAIGNS + "?page=-1"), 400, "VALIDATION_FAILED");
        assertProblem(as(Caller.user("u-1")).get(CAMPAIGNS), 403, "FORBIDDEN");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
