package io.laxin.antifraud.screening;

import static io.laxin.antifraud.screening.Registrations.REGISTERED;
import static io.laxin.antifraud.screening.Registrations.honest;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.DecisionThresholds;
import io.laxin.antifraud.screening.domain.ListBook;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.RiskList;
import io.laxin.antifraud.screening.domain.RuleBook;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.antifraud.screening.domain.ScreeningPolicy;
import io.laxin.antifraud.screening.domain.Velocity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreeningPolicyTest {

    private final ScreeningPolicy policy = ScreeningPolicy.defaults();
    private static final Instant NOW = REGISTERED;

    private Assessment assess(RegistrationFacts f) {
        return policy.assess(f, Velocity.none(), ListBook.empty(), NOW);
    }

    private Assessment assess(RegistrationFacts f, Velocity v) {
        return policy.assess(f, v, ListBook.empty(), NOW);
    }

    private static Velocity counts(long device, long ip, long subnet, long refHour, long refDay, long openids) {
        return new Velocity(device, ip, subnet, refHour, refDay, openids, null, null, 0);
    }

    private static List<String> rules(Assessment a) {
        return a.findings().stream().map(Assessment.Finding::ruleId).toList();
    }

    @Test
    void shouldPassTwoDistinctPeople() {
        Assessment a = assess(honest("alice", "bob").build(), counts(1, 1, 1, 1, 1, 1));
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.PASS);
        assertThat(a.score()).isZero();
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void shouldRejectSelfReferralBySameUserId() {
        Assessment a = assess(honest("alice", "alice").build());
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(rules(a)).containsExactly(ScreeningPolicy.SELF_REFERRAL);
    }

    @Test
    void shouldRejectSelfReferralByEverySharedIdentifier() {
        assertThat(assess(honest("alice", "alice2")
                                .referrerOnDevice("d1")
                                .onDevice("d1")
                                .build())
                        .findings()
                        .get(0)
                        .detail())
                .contains("device");
        assertThat(assess(honest("alice", "alice2")
                                .referrerPhone("p1")
                                .withPhone("p1")
                                .build())
                        .findings()
                        .get(0)
                        .detail())
                .contains("phone");
        assertThat(assess(honest("alice", "alice2")
                                .referrerUnionid("u1")
                                .unionid("u1")
                                .build())
                        .findings()
                        .get(0)
                        .detail())
                .contains("unionid");
        assertThat(assess(honest("alice", "alice2")
                                .referrerUnionid("u1")
                                .unionid("u1")
                                .build())
                        .verdict())
                .isEqualTo(Assessment.Verdict.REJECT);
    }

    @Test
    void shouldNotTreatTwoUnknownDevicesAsShared() {
        Assessment a = assess(honest("alice", "bob")
                .referrerOnDevice("")
                .onDevice("")
                .referrerPhone(null)
                .withPhone(null)
                .build());
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.PASS);
    }

    @Test
    void shouldRejectADeviceBehindTooManyInviteesButNotAFamilyTablet() {
        Assessment farm = assess(honest("alice", "bob").build(), counts(3, 1, 1, 1, 1, 1));
        assertThat(farm.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(farm.findings().get(0).observed()).isEqualTo("3");
        assertThat(farm.findings().get(0).threshold()).isEqualTo("> 2");
        assertThat(assess(honest("alice", "bob").build(), counts(2, 1, 1, 1, 1, 1))
                        .verdict())
                .isEqualTo(Assessment.Verdict.PASS);
    }

    @Test
    void shouldNotRejectTwoFamilyMembersOnOneHomeIp() {
        assertThat(assess(honest("alice", "bob").build(), counts(1, 2, 2, 2, 2, 1))
                        .verdict())
                .isEqualTo(Assessment.Verdict.PASS);
        // even a busy IP alone (a campus NAT) is not a reject
        Assessment busy = assess(honest("alice", "bob").build(), counts(1, 50, 1, 1, 1, 1));
        assertThat(rules(busy)).containsExactly("IP_VELOCITY");
        assertThat(busy.verdict()).isEqualTo(Assessment.Verdict.PASS);
    }

    @Test
    void shouldReviewAnIpAndSubnetHammeredTogether() {
        Assessment a = assess(honest("alice", "bob").build(), counts(1, 6, 16, 1, 1, 1));
        assertThat(rules(a)).containsExactly("IP_VELOCITY", "SUBNET_VELOCITY");
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REVIEW);
    }

    @Test
    void shouldReviewAReferrerBurstPerHourAndFlagPerDay() {
        assertThat(rules(assess(honest("alice", "bob").build(), counts(1, 1, 1, 6, 6, 1))))
                .containsExactly("REFERRER_BURST_HOUR");
        assertThat(assess(honest("alice", "bob").build(), counts(1, 1, 1, 6, 6, 1))
                        .verdict())
                .isEqualTo(Assessment.Verdict.REVIEW);
        assertThat(rules(assess(honest("alice", "bob").build(), counts(1, 1, 1, 5, 21, 1))))
                .containsExactly("REFERRER_BURST_DAY");
        assertThat(assess(honest("alice", "bob").build(), counts(1, 1, 1, 5, 20, 1))
                        .findings())
                .isEmpty();
    }

    @Test
    void shouldFlagARegistrationSecondsAfterTheTouchButNotAMinuteAfter() {
        Assessment fast = assess(
                honest("alice", "bob").touchedAt(REGISTERED.minusSeconds(2)).build());
        assertThat(rules(fast)).containsExactly("TOO_FAST");
        assertThat(fast.findings().get(0).observed()).isEqualTo("2s");
        assertThat(assess(honest("alice", "bob")
                                .touchedAt(REGISTERED.minusSeconds(60))
                                .build())
                        .findings())
                .isEmpty();
    }

    @Test
    void shouldReviewAVirtualCarrierNumberButNotAnOrdinaryOne() {
        for (String prefix : List.of("170", "171", "162", "165", "167")) {
            Assessment a = assess(honest("alice", "bob").phonePrefix(prefix).build());
            assertThat(rules(a)).containsExactly("VIRTUAL_CARRIER");
            assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REVIEW);
        }
        assertThat(assess(honest("alice", "bob").phonePrefix("139").build()).findings())
                .isEmpty();
        assertThat(assess(honest("alice", "bob").phonePrefix(null).build()).findings())
                .isEmpty();
    }

    @Test
    void shouldFlagWeChatSignals() {
        assertThat(rules(assess(honest("alice", "bob").build(), counts(1, 1, 1, 1, 1, 4))))
                .containsExactly("UNIONID_MANY_OPENIDS");
        assertThat(assess(honest("alice", "bob").build(), counts(1, 1, 1, 1, 1, 3))
                        .findings())
                .isEmpty();

        Velocity moved = new Velocity(1, 1, 1, 1, 1, 1, "carol", null, 0);
        assertThat(rules(assess(honest("alice", "bob").build(), moved))).containsExactly("PHONE_MOVED");
        Velocity samePerson = new Velocity(1, 1, 1, 1, 1, 1, "bob", null, 0);
        assertThat(assess(honest("alice", "bob").build(), samePerson).findings())
                .isEmpty();

        assertThat(rules(assess(honest("alice", "bob")
                        .openidFirstSeenAt(REGISTERED.minusSeconds(3))
                        .build())))
                .containsExactly("OPENID_FRESH");
        assertThat(assess(honest("alice", "bob")
                                .openidFirstSeenAt(REGISTERED.minusSeconds(3600))
                                .build())
                        .findings())
                .isEmpty();
        Velocity seenByAnEarlierScreening = new Velocity(1, 1, 1, 1, 1, 1, null, REGISTERED.minusSeconds(5), 0);
        assertThat(rules(assess(honest("alice", "bob").build(), seenByAnEarlierScreening)))
                .containsExactly("OPENID_FRESH");
    }

    @Test
    void shouldReviewAnEmulatorAndWeighARootedPhoneLightly() {
        assertThat(assess(honest("alice", "bob").onEmulator().build()).verdict())
                .isEqualTo(Assessment.Verdict.REVIEW);
        Assessment rooted = assess(honest("alice", "bob").rooted().build());
        assertThat(rules(rooted)).containsExactly("ROOTED");
        assertThat(rooted.verdict()).isEqualTo(Assessment.Verdict.PASS);
        assertThat(assess(honest("alice", "bob").build()).findings()).isEmpty();
    }

    @Test
    void shouldRejectBlacklistedIdentifiersUntilTheEntryExpires() {
        RiskList device = new RiskList(
                1, RiskList.Kind.BLACK, RiskList.SubjectType.DEVICE, "dev-bob", "farm", NOW.plusSeconds(60), "op", NOW);
        RiskList cidr = new RiskList(
                2, RiskList.Kind.BLACK, RiskList.SubjectType.CIDR, "198.51.100.0/24", null, null, "op", NOW);
        ListBook lists = new ListBook(List.of(device, cidr));
        Assessment a = policy.assess(honest("alice", "bob").build(), Velocity.none(), lists, NOW);
        assertThat(rules(a)).containsExactly("BLACKLIST");
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(policy.assess(honest("alice", "bob").build(), Velocity.none(), lists, NOW.plusSeconds(61))
                        .findings())
                .isEmpty();
        assertThat(rules(policy.assess(
                        honest("alice", "carl").fromIp("198.51.100.77").build(), Velocity.none(), lists, NOW)))
                .containsExactly("BLACKLIST");
        assertThat(policy.assess(honest("alice", "carl").fromIp("198.51.101.77").build(), Velocity.none(), lists, NOW)
                        .findings())
                .isEmpty();
    }

    @Test
    void shouldNotApplyTheRulesAboutAWhitelistedIdentifier() {
        RiskList office = new RiskList(
                1, RiskList.Kind.WHITE, RiskList.SubjectType.IP, "203.0.113.7", "office NAT", null, "op", NOW);
        Assessment a = policy.assess(
                honest("alice", "bob").build(), counts(1, 60, 60, 1, 1, 1), new ListBook(List.of(office)), NOW);
        assertThat(rules(a)).containsExactly("WHITELIST");
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.PASS);
        // but never self-referral
        Assessment self =
                policy.assess(honest("alice", "alice").build(), Velocity.none(), new ListBook(List.of(office)), NOW);
        assertThat(self.verdict()).isEqualTo(Assessment.Verdict.REJECT);
    }

    @Test
    void shouldFollowTheCampaignSettings() {
        RuleBook strict = new RuleBook(
                7,
                Map.of(
                        RuleId.IP_VELOCITY, new RuleSetting(RuleId.IP_VELOCITY, true, 80, 1, null),
                        RuleId.DEVICE_REUSE, new RuleSetting(RuleId.DEVICE_REUSE, false, 70, 2, null)),
                new DecisionThresholds(40, 60));
        Assessment a = new ScreeningPolicy(strict)
                .assess(honest("alice", "bob").build(), counts(9, 2, 1, 1, 1, 1), ListBook.empty(), NOW);
        assertThat(rules(a)).containsExactly("IP_VELOCITY");
        assertThat(a.score()).isEqualTo(80);
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(new DecisionThresholds(40, 60).verdictFor(45)).isEqualTo(Assessment.Verdict.REVIEW);
    }

    @Test
    void shouldRefuseThresholdsOutOfOrderAndBadSettings() {
        assertThat(new DecisionThresholds(80, 60).problem()).isPresent();
        assertThat(DecisionThresholds.DEFAULTS.problem()).isEmpty();
        assertThat(new RuleSetting(RuleId.IP_VELOCITY, true, 101, 5, null).problem())
                .isPresent();
        assertThat(new RuleSetting(RuleId.IP_VELOCITY, true, 30, 0, null).problem())
                .isPresent();
        assertThat(new RuleSetting(RuleId.VIRTUAL_CARRIER, true, 30, 0, "170,abc").problem())
                .isPresent();
        assertThat(new RuleSetting(RuleId.VIRTUAL_CARRIER, true, 30, 0, "170, 192").problem())
                .isEmpty();
    }

    @Test
    void shouldHoldAContestedAttributionForReviewButNotRejectItForThat() {
        Assessment clean = assess(honest("alice", "bob").contestedBy("carol").build());
        Assessment contestedAndRisky =
                assess(honest("alice", "bob").contestedBy("carol").onEmulator().build(), counts(9, 1, 1, 1, 1, 1));

        assertThat(clean.verdict()).isEqualTo(Assessment.Verdict.REVIEW);
        assertThat(clean.score()).isZero();
        assertThat(clean.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ScreeningPolicy.CONTESTED_ATTRIBUTION);
            assertThat(f.observed()).isEqualTo("carol");
            assertThat(f.detail()).contains("alice").contains("carol");
        });
        assertThat(contestedAndRisky.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(assess(honest("alice", "bob").build()).verdict()).isEqualTo(Assessment.Verdict.PASS);
    }
}
