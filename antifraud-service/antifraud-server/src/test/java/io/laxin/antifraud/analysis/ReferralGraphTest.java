package io.laxin.antifraud.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.analysis.domain.ReferralGraph;
import io.laxin.antifraud.analysis.domain.ScreenedReferral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralGraphTest {

    private static int n;

    private static ScreenedReferral referral(String referrer, String invitee, String device, String subnet) {
        return new ScreenedReferral("s" + (++n), 1, referrer, invitee, device, subnet, "PASS", Instant.EPOCH);
    }

    @Test
    void shouldFindATwoPersonRingAndALongerCycle() {
        ReferralGraph g = new ReferralGraph(List.of(
                referral("a", "b", "d1", "n1"),
                referral("b", "a", "d2", "n2"),
                referral("x", "y", "d3", "n3"),
                referral("y", "z", "d4", "n4"),
                referral("z", "x", "d5", "n5"),
                referral("x", "outsider", "d6", "n6")));
        List<ReferralGraph.Ring> rings = g.rings();
        assertThat(rings).hasSize(2);
        assertThat(rings).anySatisfy(r -> assertThat(r.members()).containsExactlyInAnyOrder("a", "b"));
        assertThat(rings).anySatisfy(r -> {
            assertThat(r.members()).containsExactlyInAnyOrder("x", "y", "z");
            assertThat(r.referrals())
                    .extracting(ScreenedReferral::inviteeUserId)
                    .containsExactlyInAnyOrder("y", "z", "x");
        });
    }

    @Test
    void shouldNotSeeARingInATreeOrAChain() {
        List<ScreenedReferral> chain = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            chain.add(referral("u" + i, "u" + (i + 1), "d" + i, "n" + i));
        }
        chain.add(referral("u0", "w", "dw", "nw"));
        assertThat(new ReferralGraph(chain).rings()).isEmpty();
    }

    @Test
    void shouldFindInviteesPackedOnFewDevicesOrOneSubnet() {
        List<ScreenedReferral> edges = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            edges.add(referral("farmer", "f" + i, "farm-dev-" + (i % 3), "n" + i));
            edges.add(referral("dorm", "s" + i, "dev-s" + i, "10.9.9.0/24"));
            edges.add(referral("popular", "p" + i, "dev-p" + i, "n-p" + i));
        }
        List<ReferralGraph.Cluster> clusters = new ReferralGraph(edges).clusters(5, 3, 8);
        assertThat(clusters)
                .extracting(ReferralGraph.Cluster::referrerUserId)
                .containsExactlyInAnyOrder("farmer", "dorm");
        // a family of four on two phones is not a cluster: too few invitees
        List<ScreenedReferral> family = List.of(
                referral("mum", "kid1", "pad", "home"),
                referral("mum", "kid2", "pad", "home"),
                referral("mum", "dad", "phone", "home"),
                referral("mum", "gran", "phone", "home"));
        assertThat(new ReferralGraph(family).clusters(5, 3, 8)).isEmpty();
    }
}
