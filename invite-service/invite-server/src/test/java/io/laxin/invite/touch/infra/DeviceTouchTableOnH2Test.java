package io.laxin.invite.touch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.code.domain.Channel;
import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.testsupport.H2Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The durable device touches' statements (upsert, reads, batched delete) on H2 in MySQL mode, the store of the
 * one-command local run; the ITs run the same statements on MariaDB.
 */
class DeviceTouchTableOnH2Test {

    private static final String DEVICE = "ldt1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            H2Schema.migrate("invite_touch", "classpath:db/kernel", "classpath:db/invite"), "sa", ""));
    private final DeviceTouchTable table = new DeviceTouchTable(jdbc);

    private void touch(String code, Instant at) {
        table.remember(
                new Touch(1L, code, Channel.parse("moments"), List.of("d:" + DEVICE), List.of(DEVICE), at),
                DEVICE,
                WINDOW);
    }

    @Test
    void shouldKeepTheFirstTouchAndMoveTheLastForwardOnly() {
        touch("ALICE1", T0);
        touch("BOB001", T0.plus(Duration.ofHours(2)));
        touch("CAROL1", T0.plus(Duration.ofHours(1))); // arrives late, is older than the latest

        Instant now = T0.plus(Duration.ofHours(3));
        assertThat(table.first(1L, DEVICE, now)).contains(new DeviceTouch("ALICE1", T0, "moments"));
        assertThat(table.last(1L, DEVICE, now))
                .contains(new DeviceTouch("BOB001", T0.plus(Duration.ofHours(2)), "moments"));
    }

    @Test
    void shouldForgetTouchesPastTheWindowAndStartAFreshFirstAfterIt() {
        touch("ALICE1", T0);
        touch("BOB001", T0.plus(Duration.ofDays(6)));

        Instant day8 = T0.plus(Duration.ofDays(8));
        assertThat(table.first(1L, DEVICE, day8))
                .as("the first touch's own window is over")
                .isEmpty();
        assertThat(table.last(1L, DEVICE, day8)).isPresent();
        assertThat(table.last(1L, DEVICE, T0.plus(Duration.ofDays(14)))).isEmpty();

        touch("CAROL1", day8);
        assertThat(table.first(1L, DEVICE, day8)).contains(new DeviceTouch("CAROL1", day8, "moments"));
    }

    @Test
    void shouldDeleteExpiredRowsInBatches() {
        for (int i = 0; i < 5; i++) {
            table.remember(
                    new Touch(1L, "ALICE1", Channel.parse("moments"), List.of("d:x"), List.of(), T0),
                    "ldt1.device-" + i,
                    WINDOW);
        }
        touch("BOB001", T0.plus(Duration.ofDays(6)));

        Instant day8 = T0.plus(Duration.ofDays(8));
        assertThat(table.deleteExpired(day8, 2)).isEqualTo(2);
        assertThat(table.deleteExpired(day8, 10)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_touch", Long.class))
                .isEqualTo(1);
    }
}
