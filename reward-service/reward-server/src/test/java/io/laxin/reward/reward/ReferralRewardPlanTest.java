package io.laxin.reward.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.RewardStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralRewardPlanTest {

    private static final Instant ATTRIBUTED_AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final ReferralRewardPlan.Earned NOTHING_YET = new ReferralRewardPlan.Earned(0, 0, 0);

    private static RewardPolicy policy(int holdDays, List<RewardPolicy.Milestone> milestones, RewardPolicy.Caps caps) {
        return new RewardPolicy(
                new RewardPolicy.Spec(RewardKind.POINTS, 500),
                new RewardPolicy.Spec(RewardKind.CASH, 300),
                holdDays,
                milestones,
                caps,
                null,
                null);
    }

    private static Attribution attribution(RewardPolicy policy) {
        return new Attribution(42L, 7L, "alice", "bob", 3, policy, ATTRIBUTED_AT, false);
    }

    @Test
    void shouldGiveEachSideItsRewardPendingUntilTheHoldPeriodEnds() {
        List<Reward> rewards = ReferralRewardPlan.rewardsFor(
                attribution(policy(7, null, null)), "ev-1", 1, NOTHING_YET, ATTRIBUTED_AT);

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
            assertThat(r.standing().releaseAt()).isEqualTo(Instant.parse("2026-11-08T10:00:00Z"));
            assertThat(r.policyVersion()).isEqualTo(3);
        });
        assertThat(referrer.origin().businessKey()).isEqualTo("referral:42:REFERRER");
        assertThat(invitee.origin().businessKey()).isEqualTo("referral:42:INVITEE");
    }

    @Test
    void shouldReleaseAtOnceWithoutAHoldPeriod() {
        List<Reward> rewards = ReferralRewardPlan.rewardsFor(
                attribution(policy(0, null, null)), "ev-2", 1, NOTHING_YET, ATTRIBUTED_AT);

        assertThat(rewards).allSatisfy(r -> assertThat(r.standing().releaseAt()).isEqualTo(ATTRIBUTED_AT));
    }

    @Test
    void shouldAddTheMilestoneBonusOnlyForTheReferrersNthInvitee() {
        var milestones = List.of(
                new RewardPolicy.Milestone(3, new RewardPolicy.Spec(RewardKind.CASH, 1000)),
                new RewardPolicy.Milestone(10, new RewardPolicy.Spec(RewardKind.COUPON, 88)));
        Attribution a = attribution(policy(7, milestones, null));

        assertThat(ReferralRewardPlan.rewardsFor(a, "e", 2, NOTHING_YET, ATTRIBUTED_AT))
                .hasSize(2);
        List<Reward> third = ReferralRewardPlan.rewardsFor(a, "e", 3, NOTHING_YET, ATTRIBUTED_AT);
        List<Reward> tenth = ReferralRewardPlan.rewardsFor(a, "e", 10, NOTHING_YET, ATTRIBUTED_AT);

        assertThat(third)
                .filteredOn(r -> r.source() == RewardSource.MILESTONE)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.userId()).isEqualTo("alice");
                    assertThat(m.amount()).isEqualTo(1000);
                    assertThat(m.origin().businessKey()).isEqualTo("referral:42:MILESTONE:3");
                });
        assertThat(tenth)
                .filteredOn(r -> r.source() == RewardSource.MILESTONE)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(RewardKind.COUPON);
                    assertThat(m.amount()).as("one coupon").isEqualTo(1);
                    assertThat(m.worth().couponTemplateId()).isEqualTo(88);
                });
    }

    @Test
    void shouldRefuseTheReferrersRewardsPastACapButStillRewardTheInvitee() {
        Attribution a = attribution(policy(
                7,
                List.of(new RewardPolicy.Milestone(5, new RewardPolicy.Spec(RewardKind.CASH, 1000))),
                new RewardPolicy.Caps(5, 20, 100)));

        List<Reward> underCap =
                ReferralRewardPlan.rewardsFor(a, "e", 5, new ReferralRewardPlan.Earned(4, 4, 4), ATTRIBUTED_AT);
        List<Reward> dayFull =
                ReferralRewardPlan.rewardsFor(a, "e", 5, new ReferralRewardPlan.Earned(5, 5, 5), ATTRIBUTED_AT);
        List<Reward> monthFull =
                ReferralRewardPlan.rewardsFor(a, "e", 5, new ReferralRewardPlan.Earned(0, 20, 20), ATTRIBUTED_AT);
        List<Reward> campaignFull =
                ReferralRewardPlan.rewardsFor(a, "e", 5, new ReferralRewardPlan.Earned(0, 0, 100), ATTRIBUTED_AT);

        assertThat(underCap).allSatisfy(r -> assertThat(r.status()).isEqualTo(RewardStatus.PENDING));
        assertThat(dayFull)
                .filteredOn(r -> r.beneficiary() == Beneficiary.REFERRER)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.standing().statusReason()).isEqualTo(ReferralRewardPlan.CAP_PER_DAY));
        assertThat(dayFull)
                .filteredOn(r -> r.beneficiary() == Beneficiary.INVITEE)
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RewardStatus.PENDING));
        assertThat(monthFull.get(0).standing().statusReason()).isEqualTo(ReferralRewardPlan.CAP_PER_MONTH);
        assertThat(campaignFull.get(0).standing().statusReason()).isEqualTo(ReferralRewardPlan.CAP_PER_CAMPAIGN);
    }
}
