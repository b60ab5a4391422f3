package io.laxin.invite.touch;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.TcpProxy;
import io.laxin.testsupport.TestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis taken away from a running invite-service (its connections cut through a proxy) and given back: share links
 * keep landing friends on the campaign, a call that needs Redis answers 503 problem+json with Retry-After at once
 * (not after a minute), and everything works again by itself once Redis is back.
 */
@TestPropertySource(properties = "laxin.test.redis-proxy=invite-outage")
// last, and closed after: its listeners share consumer groups with the context the other ITs share (see
// junit-platform.properties)
@Order(Integer.MAX_VALUE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisOutageIT extends InviteItSupport {

    private static final TcpProxy REDIS;

    static {
        TestInfrastructure.RedisAddress redis = TestInfrastructure.redis();
        REDIS = TcpProxy.to(redis.host(), redis.port());
        System.setProperty("laxin.test.redis-proxy.invite-outage", Integer.toString(REDIS.port()));
    }

    @AfterAll
    static void closeProxy() {
        REDIS.close();
    }

    @Test
    void shouldKeepShareLinksLandingAnswer503AndRecoverWhenRedisComesBack() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "ola");
        String phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0.44";
        assertThat(as(Caller.anonymous())
                        .header("User-Agent", phone)
                        .get("/s/" + code + "?ch=moments")
                        .status())
                .isEqualTo(302);

        REDIS.cut();
        try {
            var landed = as(Caller.anonymous()).header("User-Agent", phone).get("/s/" + code + "?ch=moments");
            assertThat(landed.status()).as(landed.toString()).isEqualTo(302);
            assertThat(landed.header("Location")).contains("inviteCode=" + code);

            var stats = operator().get("/api/v1/admin/campaigns/" + campaign + "/stats");
            assertProblem(stats, 503, "DOWNSTREAM_UNAVAILABLE");
            assertThat(stats.header("Retry-After")).isEqualTo("5");
        } finally {
            REDIS.restore();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(operator()
                                .get("/api/v1/admin/campaigns/" + campaign + "/stats")
                                .status())
                        .isEqualTo(200));
        assertThat(operator()
                        .get("/api/v1/admin/campaigns/" + campaign + "/stats")
                        .json()
                        .get("touches")
                        .asLong())
                .as("the touch while Redis was away is not counted; the others are")
                .isEqualTo(1);
    }
}
