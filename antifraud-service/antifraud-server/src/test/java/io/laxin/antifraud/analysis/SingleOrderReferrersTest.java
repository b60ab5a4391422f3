package io.laxin.antifraud.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.analysis.domain.InviteeOrders;
import io.laxin.antifraud.analysis.domain.SingleOrderReferrers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleOrderReferrersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final Instant FORTY_DAYS_AGO = NOW.minus(Duration.ofDays(40));
    private static final SingleOrderReferrers.Criteria FIVE_AT_80_PERCENT_AFTER_30_DAYS =
            new SingleOrderReferrers.Criteria(5, 80, Duration.ofDays(30));

    /** A referrer's invitees, registered at the same time, with these order counts. */
    private static List<InviteeOrders> inviteesOf(String referrer, Instant registeredAt, long... orders) {
        List<InviteeOrders> list = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            list.add(new InviteeOrders(
                    "s-" + referrer + i, 7, referrer, referrer + "-invitee-" + i, registeredAt, orders[i]));
        }
        return list;
    }

    @Test
    void shouldSuspectAReferrerWhoseInviteesOrderedOnceAndNeverAgain() {
        List<InviteeOrders> farm = inviteesOf("farmer", FORTY_DAYS_AGO, 1, 1, 1, 1, 1, 0, 1);

        List<SingleOrderReferrers.Suspect> suspects =
                SingleOrderReferrers.find(farm, FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW);

        assertThat(suspects).singleElement().satisfies(s -> {
            assertThat(s.referrerUserId()).isEqualTo("farmer");
            assertThat(s.judged()).hasSize(7);
            assertThat(s.singleOrder()).hasSize(7);
            assertThat(s.sharePercent()).isEqualTo(100);
            assertThat(s.sample())
                    .startsWith("farmer-invitee-0 (1 order), ")
                    .contains("farmer-invitee-4 (1 order)")
                    .endsWith(" and 2 more");
        });
    }

    @Test
    void shouldSuspectAtTheThresholdShareButNotBelowIt() {
        // 4 of 5 = 80 %: at the threshold
        assertThat(SingleOrderReferrers.find(
                        inviteesOf("edge", FORTY_DAYS_AGO, 1, 1, 0, 1, 4), FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW))
                .singleElement()
                .satisfies(s -> assertThat(s.singleOrder()).hasSize(4));
        // 3 of 5 = 60 %: below
        assertThat(SingleOrderReferrers.find(
                        inviteesOf("mixed", FORTY_DAYS_AGO, 1, 1, 0, 2, 4), FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW))
                .isEmpty();
    }

    @Test
    void shouldNotSuspectAReferrerWhoseInviteesComeBack() {
        List<InviteeOrders> friends = inviteesOf("popular", FORTY_DAYS_AGO, 3, 2, 5, 1, 2, 7);

        assertThat(SingleOrderReferrers.find(friends, FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW))
                .isEmpty();
    }

    @Test
    void shouldNotJudgeAReferrerWithTooFewInvitees() {
        List<InviteeOrders> few = inviteesOf("few", FORTY_DAYS_AGO, 1, 1, 0, 1);

        assertThat(SingleOrderReferrers.find(few, FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW))
                .isEmpty();
    }

    @Test
    void shouldNotJudgeInviteesStillInsideTheObservationWindow() {
        List<InviteeOrders> young =
                new ArrayList<>(inviteesOf("young", NOW.minus(Duration.ofDays(29)), 1, 1, 1, 1, 1, 1));
        young.add(new InviteeOrders("s-old", 7, "young", "young-old", NOW.minus(Duration.ofDays(30)), 1));

        assertThat(SingleOrderReferrers.find(young, FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW))
                .as("only one invitee is 30 days old; five are needed")
                .isEmpty();
    }

    @Test
    void shouldCountAnInviteeScreenedTwiceOnce() {
        List<InviteeOrders> repeated = new ArrayList<>(inviteesOf("twice", FORTY_DAYS_AGO, 1, 1, 1, 1));
        repeated.add(repeated.get(0));

        assertThat(SingleOrderReferrers.find(repeated, FIVE_AT_80_PERCENT_AFTER_30_DAYS, NOW))
                .isEmpty();
    }
}
