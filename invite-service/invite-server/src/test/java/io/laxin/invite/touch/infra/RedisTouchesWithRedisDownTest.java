package io.laxin.invite.touch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.invite.code.domain.Channel;
import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.testsupport.H2Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Redis does not answer (every command fails): a device token's touch is still kept in MySQL, and a registration
 * still finds it there — who brought whom survives the outage; only the counting is lost.
 */
class RedisTouchesWithRedisDownTest {

    private static final String TOKEN = "ldt1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final StringRedisTemplate down = Mockito.mock(StringRedisTemplate.class, invocation -> {
        throw new RedisConnectionFailureException("Redis does not answer");
    });
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            H2Schema.migrate("invite_redis_down", "classpath:db/kernel", "classpath:db/invite"), "sa", ""));
    private final RedisTouches touches = new RedisTouches(
            down,
            new JdbcTouchCounts(jdbc),
            new DeviceTouchTable(jdbc),
            Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC),
            "t:");

    private Touch touch(String code, List<String> devices) {
        return new Touch(7L, code, Channel.parse("moments"), List.of("d:" + TOKEN), devices, NOW);
    }

    @Test
    void shouldKeepTheTokensTouchInMySqlAndReadItFromThereWhileRedisIsDown() {
        assertThatThrownBy(
                        () -> touches.record(touch("ALICE1", List.of(TOKEN)), Duration.ofHours(1), Duration.ofDays(7)))
                .as("the touch is not counted; the caller logs it")
                .isInstanceOf(DataAccessException.class);

        DeviceTouch expected = new DeviceTouch("ALICE1", NOW, "moments");
        assertThat(touches.firstTouch(7L, TOKEN)).contains(expected);
        assertThat(touches.lastTouch(7L, TOKEN)).contains(expected);
    }

    @Test
    void shouldKeepALegacyRawIdInRedisOnly() {
        assertThatThrownBy(() -> touches.record(
                        touch("ALICE1", List.of("raw-phone-id")), Duration.ofHours(1), Duration.ofDays(7)))
                .isInstanceOf(DataAccessException.class);

        assertThat(touches.firstTouch(7L, "raw-phone-id")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_touch", Long.class))
                .isZero();
    }
}
