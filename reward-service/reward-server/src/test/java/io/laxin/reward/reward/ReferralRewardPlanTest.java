package io.laxin.reward.reward;

import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralRewardPlanTest {

    private static final Instant ATTRIBUTED_AT = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void shouldGiveEachSideItsRewardPendingUntilTheHoldPeriodEnds() {
        List<Reward> rewards = ReferralRewardPlan.rewardsFor(new ReferralRewardPlan.Attribution("ev-1", 42L, 7L, 3,
                "alice", "bob", RewardKind.POINTS, 500, RewardKind.CASH, 300, 7, ATTRIBUTED_AT), ATTRIBUTED_AT);

        assertThat(rewards).hasSize(2);
        Reward referrer = rewards.get(0);
        Reward invitee = rewards.get(1);
        assertThat(referrer.userId()).isEqualTo("alice");
        assertThat(referrer.beneficiary()).isEqualTo(Beneficiary.REFERRER);
        assertThat(referrer.kind()).isEqualTo(RewardKind.POINTS);
        assertThat(referrer.amount()).isEqualTo(500);
        assertThat(invitee.userId()).isEqualTo("bob");
        assertThat(invitee.kind()).isEqualTo(RewardKind.CASH);
        assertThat(invitee.amount()).isEqualTo(300);
        assertThat(rewards).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RewardStatus.PENDING);
            assertThat(r.releaseAt()).isEqualTo(Instant.parse("2026-11-08T10:00:00Z"));
            assertThat(r.policyVersion()).isEqualTo(3);
        });
        assertThat(referrer.businessKey()).isEqualTo("referral:42:REFERRER");
        assertThat(invitee.businessKey()).isEqualTo("referral:42:INVITEE");
    }

    @Test
    void shouldReleaseAtOnceWithoutAHoldPeriod() {
        List<Reward> rewards = ReferralRewardPlan.rewardsFor(new ReferralRewardPlan.Attribution("ev-2", 43L, 7L, 1,
                "alice", "carol", RewardKind.POINTS, 1, RewardKind.POINTS, 1, 0, ATTRIBUTED_AT), ATTRIBUTED_AT);

        assertThat(rewards).allSatisfy(r -> assertThat(r.releaseAt()).isEqualTo(ATTRIBUTED_AT));
    }
}
