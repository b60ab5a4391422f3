package io.laxin.invite.campaign.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.testsupport.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class RecentCampaignsTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger reads = new AtomicInteger();
    private final Campaign campaign = Mockito.mock(Campaign.class);
    private final RecentCampaigns recent = new RecentCampaigns(
            id -> {
                reads.incrementAndGet();
                return campaign;
            },
            clock,
            Duration.ofSeconds(5));

    @Test
    void shouldReadACampaignOnceWithinTheTtl() {
        for (int i = 0; i < 100; i++) {
            assertThat(recent.require(7)).isSameAs(campaign);
        }

        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldReadItAgainOnceTheTtlHasPassed() {
        recent.require(7);
        clock.advance(Duration.ofSeconds(6));

        recent.require(7);

        assertThat(reads).hasValue(2);
    }
}
