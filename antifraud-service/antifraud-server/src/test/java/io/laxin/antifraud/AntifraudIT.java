package io.laxin.antifraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.TestHttp;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the antifraud ITs: one shared context (same properties everywhere, so Spring caches it) on real MySQL,
 * Redis and RocketMQ. Each test uses its own campaign id and user ids, so the shared counters never mix.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=antifraud-service",
            "laxin.antifraud.analysis.zombies.enabled=true",
            "laxin.antifraud.analysis.zombies.hold-period=7d"
        })
@LaxinIntegrationTest
public abstract class AntifraudIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected TestHttp asInviteService() {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.service("invite-service"));
    }

    protected TestHttp asOps(String id) {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.staff(id, Role.OPS));
    }

    protected TestHttp asHost() {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.host("brand"));
    }

    /** Screens an emulator registration (REVIEW) and answers its case id. */
    protected long reviewCase(long campaign, String invitee) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "campaignId",
                campaign,
                "referrerUserId",
                unique("ref"),
                "inviteeUserId",
                invitee,
                "inviteeDeviceId",
                unique("d"),
                "ip",
                freshIp(),
                "emulator",
                true));
        var r = asInviteService().post(ScreeningApi.PATH, body);
        assertThat(r.json().get("verdict").asString()).as(r.toString()).isEqualTo("REVIEW");
        return jdbc.queryForObject(
                "SELECT id FROM risk_case WHERE screening_id = ?",
                Long.class,
                r.json().get("screeningId").asString());
    }

    protected static long newCampaign() {
        return 1_000_000L + RANDOM.nextInt(1_000_000_000);
    }

    protected static String unique(String name) {
        return name + "-" + Integer.toHexString(RANDOM.nextInt());
    }

    /** A fresh 10.x.y.z IPv4 in its own /24. */
    protected static String freshIp() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(250));
    }
}
