package io.laxin.invite.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignChanges;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.invite.campaign.domain.Landing;
import io.laxin.invite.campaign.domain.RewardPolicy;
import io.laxin.invite.campaign.domain.RewardPolicy.Kind;
import io.laxin.invite.campaign.domain.RewardPolicy.Reward;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final RewardPolicy BASIC =
            new RewardPolicy(new Reward(Kind.POINTS, 500), new Reward(Kind.CASH, 300), 7);
    private static final RewardPolicy RICHER = new RewardPolicy(
            new Reward(Kind.POINTS, 800),
            new Reward(Kind.CASH, 300),
            7,
            List.of(new RewardPolicy.Milestone(3, new Reward(Kind.CASH, 1000))),
            null,
            1_000_000L,
            null);

    private static Campaign campaign(boolean draft) {
        return Campaign.create(
                        "Spring",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2027-01-01T00:00:00Z"),
                        7,
                        BindingMode.FIRST_TOUCH,
                        new Landing("https://brand.example/r", null),
                        null,
                        BASIC,
                        "op-1",
                        draft)
                .withId(1);
    }

    private static CampaignChanges policyChange(RewardPolicy policy) {
        return new CampaignChanges(null, null, null, null, null, null, null, null, policy, null);
    }

    @Test
    void shouldAllowOnlyTheLifecycleMoves() {
        assertThat(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.ACTIVE)).isTrue();
        assertThat(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.ENDED)).isFalse();
        assertThat(CampaignStatus.ACTIVE.canMoveTo(CampaignStatus.PAUSED)).isTrue();
        assertThat(CampaignStatus.PAUSED.canMoveTo(CampaignStatus.ACTIVE)).isTrue();
        assertThat(CampaignStatus.PAUSED.canMoveTo(CampaignStatus.ENDED)).isTrue();
        assertThat(CampaignStatus.ACTIVE.canMoveTo(CampaignStatus.ACTIVE)).isFalse();
        for (CampaignStatus s : CampaignStatus.values()) {
            assertThat(CampaignStatus.ENDED.canMoveTo(s)).isFalse();
        }
    }

    @Test
    void shouldMakeANewPolicyVersionOnlyForALaunchedCampaignWhosePolicyChanges() {
        assertThat(campaign(true).revised(policyChange(RICHER)).policyVersion()).isEqualTo(1);
        assertThat(campaign(false).revised(policyChange(RICHER)).policyVersion())
                .isEqualTo(2);
        assertThat(campaign(false).revised(policyChange(BASIC)).policyVersion()).isEqualTo(1);
    }

    @Test
    void shouldLockStartWindowAndBindingModeOnceLaunched() {
        var changes = new CampaignChanges(
                "New name",
                Instant.parse("2026-02-01T00:00:00Z"),
                null,
                7,
                BindingMode.LAST_TOUCH,
                null,
                null,
                null,
                null,
                null);

        assertThat(campaign(true).lockedFieldsChangedBy(changes)).isEmpty();
        assertThat(campaign(false).lockedFieldsChangedBy(changes)).containsExactly("startsAt", "bindingMode");
        assertThat(campaign(false).movedTo(CampaignStatus.ENDED).isEditable()).isFalse();
    }

    @Test
    void shouldRejectPoliciesThatContradictThemselves() {
        Reward points = new Reward(Kind.POINTS, 5);
        assertThatThrownBy(() -> new RewardPolicy(
                        points,
                        points,
                        0,
                        List.of(new RewardPolicy.Milestone(3, points), new RewardPolicy.Milestone(3, points)),
                        null,
                        null,
                        null))
                .hasMessageContaining("nth 3");
        assertThatThrownBy(() -> new RewardPolicy.Caps(10, 5, null)).hasMessageContaining("perDay");
        assertThatThrownBy(() -> new RewardPolicy.Caps(null, 60, 50)).hasMessageContaining("perMonth");
        assertThatThrownBy(() -> new RewardPolicy.Caps(9, null, 8)).hasMessageContaining("perCampaign");
        assertThatThrownBy(() -> new RewardPolicy.Cashback(500, null, null, new Reward(Kind.COUPON, 0), null))
                .hasMessageContaining("first-order bonus");
        assertThatThrownBy(() -> new RewardPolicy.Cashback(0, 30, null, null, null))
                .hasMessageContaining("nothing");
        assertThatThrownBy(() -> new RewardPolicy(points, points, 0, List.of(), null, -1L, null))
                .hasMessageContaining("budgetFen");
        assertThat(new RewardPolicy.Caps(5, 5, null).perMonth()).isEqualTo(5);
    }

    @Test
    void shouldAcceptOnlyRelativeMiniProgramPagePathsAndKeepOneLanding() {
        assertThat(new Landing(null, "pages/invite/index").miniProgramPage()).isEqualTo("pages/invite/index");
        assertThat(new Landing(null, "sub_pkg-2/p").hasUrl()).isFalse();
        for (String bad : List.of(
                "/pages/invite/index",
                "pages/invite/index?x=1",
                "pages//index",
                "pages/",
                "pages/../x",
                "页面/index",
                "p".repeat(129))) {
            assertThatThrownBy(() -> new Landing(null, bad)).as(bad).hasMessageContaining("miniProgramPage");
        }
        assertThatThrownBy(() -> new Landing(" ", null)).hasMessageContaining("landingUrl and/or a miniProgramPage");

        Landing both = new Landing("https://brand.example/r", "pages/invite/index");
        assertThat(both.revised("", null)).isEqualTo(new Landing(null, "pages/invite/index"));
        assertThat(both.revised(null, null)).isEqualTo(both);
        assertThatThrownBy(() -> both.revised("", "")).hasMessageContaining("landingUrl and/or");
        assertThat(campaign(false)
                        .revised(new CampaignChanges(null, null, null, null, null, null, "pages/a/b", null, null, null))
                        .landing())
                .isEqualTo(new Landing("https://brand.example/r", "pages/a/b"));
    }

    @Test
    void shouldStartWithoutLegacyDeviceIdsAndLetAnOperatorSwitchThemOffOnceLaunched() {
        Campaign legacy = campaign(false).withLegacyDeviceIds(true);
        var off = new CampaignChanges(null, null, null, null, null, null, null, null, null, false);

        assertThat(campaign(false).legacyDeviceIds()).isFalse();
        assertThat(legacy.lockedFieldsChangedBy(off)).isEmpty();
        assertThat(legacy.revised(off).legacyDeviceIds()).isFalse();
        assertThat(legacy.revised(policyChange(BASIC)).legacyDeviceIds()).isTrue();
        assertThat(legacy.movedTo(CampaignStatus.PAUSED).legacyDeviceIds()).isTrue();
    }
}
