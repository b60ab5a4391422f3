package io.laxin.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {

    @Test
    void shouldTakeTheIdsBrandsUse() {
        for (String id : new String[] {
            "u-1001",
            "oAbc_123-XYZ",
            "7f3c2a1e-9b1d-4c1a-8f00-0a1b2c3d4e5f",
            "a@b.example",
            "+8613800138000",
            "shop:order:42",
            "x".repeat(64)
        }) {
            assertThat(ExternalIds.isId(id)).as(id).isTrue();
        }
    }

    @Test
    void shouldRefuseQuotesSpacesControlAndBidiCharactersAndOverlongIds() {
        for (String id : new String[] {
            "",
            " ",
            "-leading",
            "' OR '1'='1",
            "<script>",
            "bob\u202Eevil",
            "bob\u0000",
            "a b",
            "x".repeat(65),
            "张三",
            "../x"
        }) {
            assertThat(ExternalIds.isId(id)).as(id).isFalse();
        }
        assertThat(ExternalIds.isId(null)).isFalse();
    }

    @Test
    void shouldTakeDeviceIdsOfPrintableAsciiWithoutSpaces() {
        assertThat(ExternalIds.isDeviceId("lx-6f1c2b-9a")).isTrue();
        assertThat(ExternalIds.isDeviceId("d".repeat(128))).isTrue();
        assertThat(ExternalIds.isDeviceId("d".repeat(129))).isFalse();
        assertThat(ExternalIds.isDeviceId("dev ice")).isFalse();
        assertThat(ExternalIds.isDeviceId("dev\u202Eice")).isFalse();
    }

    @Test
    void shouldFindTimesBeforeTwoThousandOrInTheFutureImplausible() {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(ReportedTimes.plausible(Instant.parse("2026-12-06T23:00:00Z"), now))
                .isTrue();
        assertThat(ReportedTimes.plausible(now.plusSeconds(299), now)).isTrue();
        assertThat(ReportedTimes.plausible(now.plusSeconds(301), now)).isFalse();
        assertThat(ReportedTimes.plausible(Instant.parse("1999-12-31T23:59:59Z"), now))
                .isFalse();
        assertThat(ReportedTimes.plausible(null, now)).isFalse();
    }
}
