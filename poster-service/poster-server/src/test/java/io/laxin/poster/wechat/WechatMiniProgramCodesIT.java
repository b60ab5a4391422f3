package io.laxin.poster.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.domain.MiniProgramScene;
import io.laxin.poster.wechat.infra.RedisAccessTokens;
import io.laxin.poster.wechat.infra.WechatMiniProgramCodes;
import io.laxin.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The WeChat client against a local fake WeChat server, with its tokens in the real Redis of this test run. */
class WechatMiniProgramCodesIT {

    private static final FakeWechat WECHAT = FakeWechat.start();
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T00:00:00Z"));
    private WechatMiniProgramCodes client;

    @BeforeAll
    static void connect() {
        TestInfrastructure.RedisAddress address = TestInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(address.host(), address.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
        WECHAT.close();
    }

    @BeforeEach
    void freshClient() {
        WECHAT.reset();
        client = clientWith(FakeWechat.APP_SECRET, "lxt:" + TestInfrastructure.randomToken(4) + ":");
    }

    private WechatMiniProgramCodes clientWith(String secret, String prefix) {
        return new WechatMiniProgramCodes(
                new WechatMiniProgramCodes.Settings(
                        FakeWechat.APP_ID,
                        secret,
                        URI.create(WECHAT.url()),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(2)),
                new RedisAccessTokens(redis, prefix, clock),
                clock,
                JsonMapper.builder().build());
    }

    private static final MiniProgramScene SCENE = MiniProgramScene.of("K7M2QX", "poster");

    @Test
    void shouldFetchATokenThenTheCodeWithTheSceneAndPage() {
        byte[] code = client.unlimited(SCENE, "pages/invite/index", 430);

        assertThat(code).isEqualTo(FakeWechat.codeImage());
        assertThat(WECHAT.calls("/cgi-bin/token")).hasSize(1);
        var call = WECHAT.calls("/wxa/getwxacodeunlimit").get(0);
        assertThat(call.query()).isEqualTo("access_token=TOKEN-" + WECHAT.tokensIssued());
        assertThat(call.body())
                .contains("\"scene\":\"i=K7M2QX&c=poster\"")
                .contains("\"page\":\"pages/invite/index\"")
                .contains("\"width\":430");
    }

    @Test
    void shouldReuseTheCachedTokenUntilShortlyBeforeItExpires() {
        client.unlimited(SCENE, null, 430);
        clock.advance(Duration.ofSeconds(FakeWechat.EXPIRES_IN)
                .minus(Duration.ofMinutes(5))
                .minusSeconds(1));
        client.unlimited(SCENE, null, 430);

        assertThat(WECHAT.calls("/cgi-bin/token")).as("one token, cached").hasSize(1);

        clock.advance(Duration.ofSeconds(2)); // now within 5 minutes of expiry: refresh before WeChat says so
        client.unlimited(SCENE, null, 430);

        assertThat(WECHAT.calls("/cgi-bin/token")).hasSize(2);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit"))
                .hasSize(3)
                .last()
                .satisfies(c -> assertThat(c.query()).isEqualTo("access_token=TOKEN-" + WECHAT.tokensIssued()));
    }

    @Test
    void shouldShareTheTokenThroughRedisBetweenInstances() {
        String prefix = "lxt:" + TestInfrastructure.randomToken(4) + ":";
        clientWith(FakeWechat.APP_SECRET, prefix).unlimited(SCENE, null, 430);
        clientWith(FakeWechat.APP_SECRET, prefix).unlimited(SCENE, null, 430);

        assertThat(WECHAT.calls("/cgi-bin/token")).hasSize(1);
    }

    @Test
    void shouldFetchANewTokenOnceWhenWechatSaysTheCachedOneIsInvalid() {
        String prefix = "lxt:" + TestInfrastructure.randomToken(4) + ":";
        WechatMiniProgramCodes one = clientWith(FakeWechat.APP_SECRET, prefix);
        one.unlimited(SCENE, null, 430);
        // another app (or a console login) fetched a token: WeChat invalidates ours
        clientWith(FakeWechat.APP_SECRET, "lxt:other:" + TestInfrastructure.randomToken(2) + ":")
                .unlimited(SCENE, null, 430);

        byte[] code = one.unlimited(SCENE, null, 430);

        assertThat(code).isEqualTo(FakeWechat.codeImage());
        assertThat(WECHAT.calls("/cgi-bin/token")).hasSize(3);
    }

    @Test
    void shouldSurfaceAWechatErrcodeAsAClearError() {
        WECHAT.failCodeWith(41030);

        assertThatThrownBy(() -> client.unlimited(SCENE, "pages/missing/index", 430))
                .isInstanceOfSatisfying(LaxinException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(PosterErrorCode.WECHAT_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("getwxacodeunlimit")
                            .contains("errcode 41030")
                            .contains("invalid scene");
                });
    }

    @Test
    void shouldSurfaceAWrongSecretAsAClearErrorWithoutEchoingIt() {
        WechatMiniProgramCodes wrong = clientWith("not-the-secret", "lxt:" + TestInfrastructure.randomToken(4) + ":");

        assertThatThrownBy(() -> wrong.unlimited(SCENE, null, 430)).isInstanceOfSatisfying(LaxinException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(PosterErrorCode.WECHAT_UNAVAILABLE);
            assertThat(e.getMessage())
                    .contains("token")
                    .contains("errcode 40013")
                    .doesNotContain("not-the-secret");
        });
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).isEmpty();
    }

    @Test
    void shouldRefuseASceneLongerThan32CharactersOrWithCharactersWechatRefuses() {
        assertThat(MiniProgramScene.of("K7M2QX", "poster").value()).hasSizeLessThanOrEqualTo(32);
        assertThat(new MiniProgramScene("x".repeat(32)).value()).hasSize(32);

        assertThatThrownBy(() -> new MiniProgramScene("x".repeat(33)))
                .isInstanceOfSatisfying(
                        LaxinException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(PosterErrorCode.WECHAT_SCENE_INVALID));
        assertThatThrownBy(() -> MiniProgramScene.of("K7M2QX", "a-channel-name-far-too-long"))
                .isInstanceOf(LaxinException.class);
        assertThatThrownBy(() -> new MiniProgramScene("i=邀请")).isInstanceOf(LaxinException.class);
        assertThatThrownBy(() -> new MiniProgramScene("i=K7 M2")).isInstanceOf(LaxinException.class);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).isEmpty();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
