package io.laxin.antifraud.screening;

import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.ScreeningPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScreeningPolicyTest {

    private final ScreeningPolicy policy = ScreeningPolicy.defaults();

    private static RegistrationFacts referral(String referrer, String invitee, String referrerDevice,
                                              String inviteeDevice, String referrerPhone, String inviteePhone) {
        return new RegistrationFacts(1L, referrer, invitee, referrerDevice, inviteeDevice, referrerPhone, inviteePhone,
                "10.0.0.1", "ua", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:05:00Z"));
    }

    @Test
    void shouldPassTwoDistinctPeople() {
        Assessment a = policy.assess(referral("alice", "bob", "dev-a", "dev-b", "ph-a", "ph-b"));
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.PASS);
        assertThat(a.score()).isZero();
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void shouldRejectSelfReferralBySameUserId() {
        Assessment a = policy.assess(referral("alice", "alice", null, null, null, null));
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(a.findings()).extracting(Assessment.Finding::ruleId).containsExactly(ScreeningPolicy.SELF_REFERRAL);
    }

    @Test
    void shouldRejectSelfReferralBySharedDevice() {
        Assessment a = policy.assess(referral("alice", "alice2", "dev-1", "dev-1", null, null));
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(a.findings().get(0).detail()).contains("device");
    }

    @Test
    void shouldRejectSelfReferralBySharedPhone() {
        Assessment a = policy.assess(referral("alice", "alice2", "dev-1", "dev-2", "ph-1", "ph-1"));
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(a.findings().get(0).detail()).contains("phone");
    }

    @Test
    void shouldNotTreatTwoUnknownDevicesAsShared() {
        Assessment a = policy.assess(referral("alice", "bob", "", "", null, null));
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.PASS);
    }

    @Test
    void shouldRefuseThresholdsOutOfOrder() {
        assertThatThrownBy(() -> new ScreeningPolicy(80, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
