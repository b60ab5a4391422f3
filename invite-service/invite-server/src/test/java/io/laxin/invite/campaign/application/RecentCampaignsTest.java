package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCampaignsTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger reads = new AtomicInteger();
    private final Campaign campaign = Mockito.mock(Campaign.class);
    private final RecentCampaigns recent = new RecentCampaigns(id -> {
        reads.incrementAndGet();
        return campaign;
    }, clock, Duration.ofSeconds(5));

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
