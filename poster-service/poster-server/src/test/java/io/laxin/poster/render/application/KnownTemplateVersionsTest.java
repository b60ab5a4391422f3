package io.laxin.poster.render.application;

import static io.laxin.poster.render.application.CountingTemplates.TEMPLATE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.poster.template.domain.VersionLayout;
import io.laxin.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KnownTemplateVersionsTest {

    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final CountingTemplates stored = new CountingTemplates();
    private final MutableClock clock = new MutableClock();
    private final KnownTemplateVersions known = new KnownTemplateVersions(stored, clock, RECHECK);

    @Test
    void shouldFindTheLatestLayoutWithoutReadingTheBackground() {
        VersionLayout layout = known.find(TEMPLATE_ID, null).orElseThrow();

        assertThat(layout.fingerprint()).isEqualTo(TEMPLATE_ID + "v1");
        assertThat(layout.layout().qr().x()).isEqualTo(40);
        assertThat(stored.wholeReads).as("whole versions read").isZero();
    }

    @Test
    void shouldReadAVersionsLayoutOnceAndTheLatestNumberOncePerRecheckTime() {
        for (int i = 0; i < 3; i++) {
            known.find(TEMPLATE_ID, null).orElseThrow();
            known.find(TEMPLATE_ID, 1).orElseThrow();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(stored.layoutReads).isEqualTo(1);
        assertThat(stored.latestReads).isEqualTo(1);
        assertThat(stored.wholeReads).isZero();
    }

    @Test
    void shouldServeANewVersionOnceTheLatestIsRechecked() {
        known.find(TEMPLATE_ID, null).orElseThrow();
        stored.publish(300);

        clock.advance(RECHECK.minusMillis(1));
        assertThat(known.find(TEMPLATE_ID, null).orElseThrow().version())
                .as("within the recheck time")
                .isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        VersionLayout latest = known.find(TEMPLATE_ID, null).orElseThrow();

        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.layout().qr().x()).isEqualTo(300);
        assertThat(known.find(TEMPLATE_ID, 1).orElseThrow().layout().qr().x())
                .as("old version kept")
                .isEqualTo(40);
    }

    @Test
    void shouldNotTrustTheLatestLongerWhenTheClockIsSetBack() {
        known.find(TEMPLATE_ID, null).orElseThrow();
        stored.publish(300);

        clock.advance(Duration.ofMinutes(-1));

        assertThat(known.find(TEMPLATE_ID, null).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void shouldFindNoUnknownTemplateOrVersionAndRememberNoAbsence() {
        assertThat(known.find(TEMPLATE_ID + 1, null)).isEmpty();
        assertThat(known.find(TEMPLATE_ID, 2)).isEmpty();

        stored.publish(300);

        assertThat(known.find(TEMPLATE_ID, 2)).isPresent();
    }
}
