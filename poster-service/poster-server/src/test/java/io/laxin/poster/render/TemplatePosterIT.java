package io.laxin.poster.render;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

import com.sun.net.httpserver.HttpServer;
import io.laxin.invite.api.InviteApi;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.Role;
import io.laxin.poster.pregen.application.Pregenerating;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.template.ImageFixtures;
import io.laxin.poster.template.infra.TemplateVersionDO;
import io.laxin.poster.template.infra.TemplateVersionMapper;
import io.laxin.poster.wechat.FakeWechat;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.MutableClock;
import io.laxin.testsupport.TestHttp;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * Templates end to end in the app: operators store and version templates (every refusal stores nothing), users get
 * posters from them (avatar, nickname, QR or mini-program code), served by content key with ETag / 304, and bulk
 * pre-generation fills the cache with progress.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=poster-service",
            "laxin.poster.avatar.allowed-hosts=127.0.0.1",
            "laxin.poster.background.max-bytes=400000",
            "laxin.poster.wechat.app-id=" + FakeWechat.APP_ID,
            "laxin.poster.wechat.app-secret=" + FakeWechat.APP_SECRET
        })
@LaxinIntegrationTest
@Import(TemplatePosterIT.TestClock.class)
class TemplatePosterIT {

    /** Time the tests can move (the avatar recheck); every bean that takes a Clock gets this one. */
    private static final MutableClock CLOCK = new MutableClock();

    @TestConfiguration
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    private static final FakeInviteService INVITES = FakeInviteService.start();
    private static final FakeWechat WECHAT = FakeWechat.start();
    private static final AvatarServer AVATARS = new AvatarServer();
    private static final String TEMPLATES = "/api/v1/admin/posters/templates";
    private static final String MINE = "/api/v1/posters/mine";
    private static final String JOBS = "/api/v1/admin/posters/jobs";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pregenerating pregenerating;
    /** Watched to see which template version reads serving does: the whole row (with the background) or not. */
    @MockitoSpyBean
    TemplateVersionMapper versions;

    @DynamicPropertySource
    static void siblings(DynamicPropertyRegistry registry) {
        registry.add("laxin.services.invite-url", INVITES::url);
        registry.add("laxin.poster.wechat.base-url", WECHAT::url);
    }

    @AfterAll
    static void stopFakes() {
        INVITES.close();
        WECHAT.close();
        AVATARS.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        INVITES.reset();
        WECHAT.reset();
        CLOCK.reset();
    }

    private TestHttp ops() {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.staff("ops-1", Role.OPS));
    }

    private TestHttp user(String id) {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.user(id));
    }

    static Map<String, Object> qr(int x, int y, int size) {
        Map<String, Object> qr = new LinkedHashMap<>();
        qr.put("x", x);
        qr.put("y", y);
        qr.put("size", size);
        qr.put("quietZone", 2);
        qr.put("errorCorrection", "M");
        qr.put("foreground", "#1A237E");
        qr.put("background", "#FFFFFF");
        return qr;
    }

    static Map<String, Object> layout(Map<String, Object> qr) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("qr", qr);
        layout.put("avatar", Map.of("x", 60, "y", 60, "size", 120, "shape", "CIRCLE"));
        layout.put("nickname", Map.of("x", 200, "y", 90, "maxWidth", 480, "fontSize", 40, "color", "#333333"));
        layout.put(
                "texts",
                List.of(Map.of(
                        "text",
                        "邀请好友，双方各得 20 元",
                        "x",
                        60,
                        "y",
                        260,
                        "maxWidth",
                        630,
                        "fontSize",
                        48,
                        "color",
                        "#B71C1C")));
        return layout;
    }

    static Map<String, Object> template(String name, byte[] background, Map<String, Object> layout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("background", background == null ? null : Base64.getEncoder().encodeToString(background));
        body.put("layout", layout);
        return body;
    }

    private long createTemplate(Map<String, Object> qr) {
        var r = ops().post(TEMPLATES, template("Double 11", ImageFixtures.jpeg(750, 1334), layout(qr)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("templateId").asLong();
    }

    /** A template that asks for a mini-program code itself ({@code kind: MINI_PROGRAM}), opening {@code page}. */
    private long miniProgramTemplate(String page) {
        Map<String, Object> code = qr(215, 860, 320);
        code.put("kind", "MINI_PROGRAM");
        code.put("miniProgramPage", page);
        return createTemplate(code);
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    // --- templates ---

    @Test
    void shouldStoreATemplateAsVersionOneAndReadItBack() {
        var r = ops().post(TEMPLATES, template("Double 11", ImageFixtures.png(750, 1334), layout(qr(215, 860, 320))));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode t = r.json();
        assertThat(t.get("version").asInt()).isEqualTo(1);
        assertThat(t.get("width").asInt()).isEqualTo(750);
        assertThat(t.get("height").asInt()).isEqualTo(1334);
        assertThat(t.get("backgroundFormat").asString()).isEqualTo("PNG");
        assertThat(t.get("layout").get("qr").get("size").asInt()).isEqualTo(320);
        var read = ops().get(TEMPLATES + "/" + t.get("templateId").asLong());
        assertThat(read.json().get("backgroundSha256").asString())
                .isEqualTo(t.get("backgroundSha256").asString());
        assertThat(ops().get(TEMPLATES).json().toString()).contains("Double 11");
    }

    @Test
    void shouldKeepOldVersionsRenderableWhenATemplateChanges() {
        long id = createTemplate(qr(215, 860, 320));
        var v2 = ops().post(TEMPLATES + "/" + id + "/versions", template(null, null, layout(qr(40, 900, 300))));
        assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        var latest = user("u-ver").get(MINE + "?campaignId=42&format=png&templateId=" + id);
        var first = user("u-ver").get(MINE + "?campaignId=42&format=png&templateId=" + id + "&templateVersion=1");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(first.status()).isEqualTo(200);
        assertThat(latest.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(QrCodes.decode(QrCodes.image(latest.body()))
                        .getResultPoints()[0]
                        .getX())
                .isLessThan(350);
        assertThat(QrCodes.decode(QrCodes.image(first.body()))
                        .getResultPoints()[0]
                        .getX())
                .isGreaterThan(215);
        assertProblem(
                user("u-ver").get(MINE + "?campaignId=42&templateId=" + id + "&templateVersion=3"),
                404,
                "TEMPLATE_NOT_FOUND");
    }

    @Test
    void shouldRefuseBadTemplatesWithProblemsAndStoreNothing() {
        int templates = rows("poster_template");
        int versions = rows("poster_template_version");
        byte[] background = ImageFixtures.png(750, 1334);
        Map<String, Object> good = layout(qr(215, 860, 320));

        byte[] heavy = ImageFixtures.noisePng(400, 400); // ~480 kB, over this test's 400 kB limit
        var tooHeavy = ops().post(TEMPLATES, template("heavy", heavy, good));
        assertProblem(tooHeavy, 413, "IMAGE_TOO_LARGE");
        assertThat(tooHeavy.json().get("detail").asString()).contains("at most 400000 are accepted");
        // a body far over what any template takes is refused before it is parsed
        var tooLong = ops().post(TEMPLATES, template("huge", ImageFixtures.noisePng(750, 1334), good));
        assertProblem(tooLong, 413, "IMAGE_TOO_LARGE");
        assertThat(tooLong.json().get("detail").asString()).contains("the body has");
        // also when the path is spelt with escapes (/%61pi/... is routed as /api/...)
        var tooLongEncoded = ops().post(
                        "/%61pi/v1/admin/posters/templates", template("huge", ImageFixtures.noisePng(750, 1334), good));
        assertProblem(tooLongEncoded, 413, "IMAGE_TOO_LARGE");
        assertThat(tooLongEncoded.json().get("detail").asString()).contains("the body has");
        assertProblem(
                ops().post(TEMPLATES, template("wide", ImageFixtures.png(4100, 100), good)), 413, "IMAGE_TOO_LARGE");
        assertProblem(
                ops().post(TEMPLATES, template("bomb", ImageFixtures.pngBomb(50_000, 50_000), good)),
                413,
                "IMAGE_TOO_LARGE");
        assertProblem(ops().post(TEMPLATES, template("gif", "GIF89a....".getBytes(), good)), 415, "IMAGE_UNSUPPORTED");
        byte[] fake = background.clone();
        java.util.Arrays.fill(fake, 8, fake.length, (byte) 7);
        assertProblem(ops().post(TEMPLATES, template("fake", fake, good)), 415, "IMAGE_UNSUPPORTED");
        var outside = ops().post(TEMPLATES, template("outside", background, layout(qr(600, 1200, 320))));
        assertProblem(outside, 400, "TEMPLATE_LAYOUT_INVALID");
        assertThat(outside.json().get("detail").asString()).contains("not inside the 750×1334 background");
        assertProblem(ops().post(TEMPLATES, template("no layout", background, null)), 400, "VALIDATION_FAILED");
        assertProblem(ops().post(TEMPLATES, template("", background, good)), 400, "VALIDATION_FAILED");
        Map<String, Object> notBase64 = template("x", null, good);
        notBase64.put("background", "***");
        assertProblem(ops().post(TEMPLATES, notBase64), 400, "VALIDATION_FAILED");

        assertThat(rows("poster_template")).isEqualTo(templates);
        assertThat(rows("poster_template_version")).isEqualTo(versions);
    }

    @Test
    void shouldRefuseABadNewVersionAndKeepTheOldOne() {
        long id = createTemplate(qr(215, 860, 320));
        int versions = rows("poster_template_version");

        assertProblem(
                ops().post(TEMPLATES + "/" + id + "/versions", template(null, null, layout(qr(700, 0, 320)))),
                400,
                "TEMPLATE_LAYOUT_INVALID");

        assertThat(rows("poster_template_version")).isEqualTo(versions);
        assertThat(ops().get(TEMPLATES + "/" + id).json().get("version").asInt())
                .isEqualTo(1);
    }

    @Test
    void shouldLetOnlyOperatorsManageTemplates() {
        var body = template("x", ImageFixtures.png(750, 1334), layout(qr(215, 860, 320)));
        assertProblem(user("u1").post(TEMPLATES, body), 403, "FORBIDDEN");
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port)
                        .as(Caller.staff("fin", Role.FINANCE))
                        .post(TEMPLATES, body),
                403,
                "FORBIDDEN");
    }

    @Test
    void shouldReplayATemplateCreationWithTheSameIdempotencyKey() {
        var body = template("Idem", ImageFixtures.png(750, 1334), layout(qr(215, 860, 320)));
        int before = rows("poster_template");

        var one = ops().header("Idempotency-Key", "tpl-1").post(TEMPLATES, body);
        var two = ops().header("Idempotency-Key", "tpl-1").post(TEMPLATES, body);

        assertThat(two.json().get("templateId").asLong())
                .isEqualTo(one.json().get("templateId").asLong());
        assertThat(rows("poster_template")).isEqualTo(before + 1);
    }

    @Test
    void shouldPreviewAStoredTemplateAndADraftWithoutStoringIt() {
        long id = createTemplate(qr(215, 860, 320));
        int before = rows("poster_template");

        var stored = ops().get(TEMPLATES + "/" + id + "/preview");
        var draft = ops().post(
                        TEMPLATES + "/preview",
                        template("draft", ImageFixtures.png(750, 1334), layout(qr(215, 860, 320))));

        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.header("Content-Type")).isEqualTo("image/png");
        assertThat(QrCodes.text(stored.body())).isEqualTo("https://laxin.example/s/PREVIEW8?ch=poster");
        assertThat(draft.status()).isEqualTo(200);
        assertThat(rows("poster_template")).isEqualTo(before);
        assertProblem(
                ops().post(
                                TEMPLATES + "/preview",
                                template("draft", ImageFixtures.png(750, 1334), layout(qr(700, 1300, 320)))),
                400,
                "TEMPLATE_LAYOUT_INVALID");
    }

    // --- rendering and serving ---

    @Test
    void shouldRenderTheUsersPosterFromATemplateWithTheirShareLinkAvatarAndNickname() {
        long id = createTemplate(qr(215, 860, 320));

        var r = user("u-avatar")
                .get(MINE + "?campaignId=42&templateId=" + id + "&nickname=" + enc("张小明😀") + "&avatarUrl="
                        + enc(AVATARS.url("/green.png")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/jpeg");
        BufferedImage poster = QrCodes.image(r.body());
        assertThat(poster.getWidth()).isEqualTo(750);
        assertThat(QrCodes.decode(poster).getText()).isEqualTo(FakeInviteService.shareLink(42, "u-avatar"));
        Color avatarCentre = new Color(poster.getRGB(120, 120));
        assertThat(avatarCentre.getGreen()).as("the green avatar").isGreaterThan(200);
        assertThat(avatarCentre.getRed()).isLessThan(60);
        assertThat(AVATARS.hits()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheTwentyFirstDifferentPosterOfADayButServeTheOnesAlreadyMade() {
        long id = createTemplate(qr(215, 860, 320));
        String base = MINE + "?campaignId=42&templateId=" + id + "&nickname=";
        for (int i = 1; i <= 20; i++) {
            var r = user("u-variants").get(base + "nick" + i);
            assertThat(r.status()).as("variant " + i + ": " + r).isEqualTo(200);
        }

        var refused = user("u-variants").get(base + "nick21");
        var again = user("u-variants").get(base + "nick7");
        var someoneElse = user("u-other-variants").get(base + "nick21");

        assertProblem(refused, 429, "POSTER_VARIANTS_EXCEEDED");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(someoneElse.status()).isEqualTo(200);
    }

    @Test
    void shouldFallBackToTheInitialWhenTheAvatarIsSlowTooBigOrNotAllowed() {
        long id = createTemplate(qr(215, 860, 320));
        String base = MINE + "?campaignId=42&format=png&templateId=" + id + "&nickname=Zoe";

        byte[] initial = user("u-fb").get(base).body();
        for (String url : List.of(
                AVATARS.url("/slow.png"),
                AVATARS.url("/huge.png"),
                AVATARS.url("/text"),
                "http://169.254.169.254/latest/meta-data",
                "file:///etc/passwd")) {
            var r = user("u-fb").get(base + "&avatarUrl=" + enc(url));
            assertThat(r.status()).as(url).isEqualTo(200);
            assertThat(r.body()).as(url).isEqualTo(initial);
        }
    }

    @Test
    void shouldServeTheSameBytesFromTheCacheWithAnEtagAndAnswer304() {
        long id = createTemplate(qr(215, 860, 320));
        String path = MINE + "?campaignId=42&templateId=" + id + "&nickname=" + enc("李雷 Li");

        var first = user("u-cache").get(path);
        var second = user("u-cache").get(path);

        assertThat(first.header("X-Poster-Cache")).isEqualTo("miss");
        assertThat(second.header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.header("ETag")).startsWith("\"").isEqualTo(second.header("ETag"));
        assertThat(first.header("Cache-Control")).isEqualTo("private, max-age=300");

        var notModified =
                user("u-cache").header("If-None-Match", first.header("ETag")).get(path);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(first.header("ETag"));

        var otherNickname = user("u-cache")
                .header("If-None-Match", first.header("ETag"))
                .get(MINE + "?campaignId=42&templateId=" + id + "&nickname=Han");
        assertThat(otherNickname.status()).isEqualTo(200);
        assertThat(otherNickname.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    /** The names of the version-mapper methods called since the last {@code clearInvocations}. */
    private List<String> versionReads() {
        return mockingDetails(versions).getInvocations().stream()
                .map(i -> i.getMethod().getName())
                .toList();
    }

    @Test
    void shouldServeACachedPosterAndA304WithoutReadingTheTemplatesBackground() {
        long id = createTemplate(qr(215, 860, 320));
        String path = MINE + "?campaignId=42&templateId=" + id + "&nickname=Lin";
        clearInvocations(versions);
        var first = user("u-hot").get(path);
        assertThat(first.header("X-Poster-Cache")).isEqualTo("miss");
        assertThat(versionReads())
                .as("a render reads the layout, then the whole version once")
                .containsExactly("findLayout", "findVersion");

        clearInvocations(versions);
        var hit = user("u-hot").get(path);
        var notModified =
                user("u-hot").header("If-None-Match", first.header("ETag")).get(path);
        CLOCK.advance(Duration.ofMinutes(1));
        var hitAfterRecheck = user("u-hot").get(path);

        assertThat(hit.header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(hitAfterRecheck.header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(versionReads())
                .as("no version row read to serve a cached poster")
                .isEmpty();

        var otherUser = user("u-hot-2").get(path);
        assertThat(otherUser.header("X-Poster-Cache")).isEqualTo("miss");
        assertThat(versionReads())
                .as("the decoded background is kept: rendering again reads no version")
                .isEmpty();
    }

    @Test
    void shouldReadATemplateVersionsLayoutWithoutItsImages() {
        long id = createTemplate(qr(215, 860, 320));

        TemplateVersionDO layoutOnly = versions.findLayout(id, 1);

        assertThat(layoutOnly.getLayout()).contains("\"qr\"");
        assertThat(layoutOnly.getBackground()).isNull();
        assertThat(layoutOnly.getLogo()).isNull();
        assertThat(versions.findVersion(id, 1).getBackground())
                .as("the whole row has it")
                .isNotEmpty();
    }

    @Test
    void shouldServeANewTemplateVersionOnceTheLatestIsRechecked() {
        long id = createTemplate(qr(215, 860, 320));
        String path = MINE + "?campaignId=42&format=png&templateId=" + id;
        var v1 = user("u-newver").get(path);
        var v2 = ops().post(TEMPLATES + "/" + id + "/versions", template(null, null, layout(qr(40, 900, 300))));
        assertThat(v2.status()).as(v2.toString()).isEqualTo(201);

        CLOCK.advance(Duration.ofSeconds(4));
        var withinRecheck = user("u-newver").get(path);
        CLOCK.advance(Duration.ofSeconds(2));
        var rechecked =
                user("u-newver").header("If-None-Match", v1.header("ETag")).get(path);

        assertThat(withinRecheck.header("ETag"))
                .as("the latest is trusted for 5 s")
                .isEqualTo(v1.header("ETag"));
        assertThat(rechecked.status()).isEqualTo(200);
        assertThat(rechecked.header("ETag")).isNotEqualTo(v1.header("ETag"));
        assertThat(QrCodes.decode(QrCodes.image(rechecked.body()))
                        .getResultPoints()[0]
                        .getX())
                .isLessThan(215);
    }

    @Test
    void shouldServeARepeatPosterFromTheCacheWithoutFetchingTheAvatarAgain() {
        long id = createTemplate(qr(215, 860, 320));
        String path = MINE + "?campaignId=42&templateId=" + id + "&nickname=Amy&avatarUrl="
                + enc(AVATARS.url("/paint/repeat.png"));

        var first = user("u-repeat").get(path);
        var second = user("u-repeat").get(path);
        var revalidated =
                user("u-repeat").header("If-None-Match", first.header("ETag")).get(path);

        assertThat(first.header("X-Poster-Cache")).isEqualTo("miss");
        assertThat(second.header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(AVATARS.hits("repeat")).as("avatar fetches").isEqualTo(1);
        assertThat(INVITES.received(InviteApi.ISSUE_PATH))
                .as("one invite lookup per request")
                .hasSize(3);
    }

    @Test
    void shouldPickUpANewImageBehindTheSameAvatarUrlAfterTheRecheckTime() {
        long id = createTemplate(qr(215, 860, 320));
        String path = MINE + "?campaignId=42&format=png&templateId=" + id + "&nickname=Bo&avatarUrl="
                + enc(AVATARS.url("/paint/changes.png"));
        AVATARS.paint("changes", Color.BLUE);
        var blue = user("u-changes").get(path);
        assertThat(new Color(QrCodes.image(blue.body()).getRGB(120, 120))).isEqualTo(Color.BLUE);

        CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        var rechecked = user("u-changes").get(path);
        assertThat(AVATARS.hits("changes")).as("fetched again after a day").isEqualTo(2);
        assertThat(rechecked.header("X-Poster-Cache"))
                .as("same image, same poster")
                .isEqualTo("hit");
        assertThat(rechecked.header("ETag")).isEqualTo(blue.header("ETag"));

        AVATARS.paint("changes", Color.RED);
        var remembered = user("u-changes").get(path);
        assertThat(remembered.header("ETag"))
                .as("within a day the remembered image")
                .isEqualTo(blue.header("ETag"));
        assertThat(AVATARS.hits("changes")).isEqualTo(2);

        CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        var red = user("u-changes").header("If-None-Match", blue.header("ETag")).get(path);
        assertThat(red.status()).isEqualTo(200);
        assertThat(red.header("X-Poster-Cache")).isEqualTo("miss");
        assertThat(red.header("ETag")).isNotEqualTo(blue.header("ETag"));
        assertThat(new Color(QrCodes.image(red.body()).getRGB(120, 120))).isEqualTo(Color.RED);
        assertThat(AVATARS.hits("changes")).isEqualTo(3);
    }

    @Test
    void shouldAnswer304ForTheBuiltInPosterToo() {
        var first = user("u-builtin").get(MINE + "?campaignId=42");
        var again = user("u-builtin")
                .header("If-None-Match", "W/" + first.header("ETag"))
                .get(MINE + "?campaignId=42");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void shouldDrawTheBuiltInPostersOwnWordsInTheLanguageAsked() {
        var chinese = user("u-lang").get(MINE + "?campaignId=42");
        var english = user("u-lang").get(MINE + "?campaignId=42&lang=en");

        assertThat(chinese.status()).isEqualTo(200);
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.header("ETag")).isNotEqualTo(chinese.header("ETag"));
        assertThat(english.body()).isNotEqualTo(chinese.body());
        assertThat(user("u-lang").get(MINE + "?campaignId=42&lang=zh-CN").header("ETag"))
                .isEqualTo(chinese.header("ETag"));
        assertProblem(user("u-lang").get(MINE + "?campaignId=42&lang=fr"), 400, "VALIDATION_FAILED");
    }

    @Test
    void shouldServeATemplateVersionsBackgroundAsUploadedToOperatorsOnly() {
        byte[] background = ImageFixtures.png(750, 1334);
        long id = ops().post(TEMPLATES, template("Editor", background, layout(qr(215, 860, 320))))
                .json()
                .get("templateId")
                .asLong();

        var served = ops().get(TEMPLATES + "/" + id + "/background?version=1");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.body()).isEqualTo(background);
        assertThat(served.header("Cache-Control")).contains("max-age=31536000");
        assertProblem(user("u1").get(TEMPLATES + "/" + id + "/background"), 403, "FORBIDDEN");
        assertProblem(ops().get(TEMPLATES + "/" + id + "/background?version=9"), 404, "TEMPLATE_NOT_FOUND");
    }

    @Test
    void shouldRefuseAnUnknownTemplate() {
        assertProblem(user("u1").get(MINE + "?campaignId=42&templateId=987654"), 404, "TEMPLATE_NOT_FOUND");
    }

    @Test
    void shouldAskWechatForAMiniProgramCodeOncePerUserAndTemplateVersion() {
        long id = miniProgramTemplate("pages/invite/index");

        var one = user("u-wxa").get(MINE + "?campaignId=42&templateId=" + id + "&format=png");
        var png = user("u-wxa").get(MINE + "?campaignId=42&templateId=" + id + "&format=jpeg&nickname=Other");

        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(png.status()).as(png.toString()).isEqualTo(200);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).hasSize(1);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit").get(0).body())
                .contains("\"scene\":\"i=" + FakeInviteService.code(42, "u-wxa") + "&c=poster\"");
        Color codeCentre = new Color(QrCodes.image(one.body()).getRGB(215 + 160, 860 + 160));
        assertThat(codeCentre).isEqualTo(new Color(0x07C160));

        user("u-wxa-2").get(MINE + "?campaignId=42&templateId=" + id);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).hasSize(2);
    }

    @Test
    void shouldAnswerAWechatErrorAsAProblem() {
        long id = miniProgramTemplate(null);
        WECHAT.failCodeWith(45009);

        var r = user("u-wxa-err").get(MINE + "?campaignId=42&templateId=" + id);

        assertProblem(r, 502, "WECHAT_UNAVAILABLE");
        assertThat(r.json().get("detail").asString()).contains("errcode 45009");
    }

    @Test
    void shouldDrawTheCampaignsMiniProgramCodeInAQrTemplateWhenTheCampaignHasAPage() {
        long id = createTemplate(qr(215, 860, 320));
        String campaign = MINE + "?campaignId=" + FakeInviteService.MINI_PROGRAM_CAMPAIGN + "&templateId=" + id;

        var wxa = user("u-camp").get(campaign + "&format=png");
        var other = user("u-camp").get(campaign + "&format=jpeg&nickname=Other");
        var h5 = user("u-camp").get(MINE + "?campaignId=42&templateId=" + id);

        assertThat(wxa.status()).as(wxa.toString()).isEqualTo(200);
        assertThat(new Color(QrCodes.image(wxa.body()).getRGB(215 + 160, 860 + 160)))
                .isEqualTo(new Color(0x07C160));
        assertThat(other.status()).isEqualTo(200);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit"))
                .as("once per user and template version")
                .hasSize(1);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit").get(0).body())
                .contains("\"scene\":\"i=" + FakeInviteService.code(FakeInviteService.MINI_PROGRAM_CAMPAIGN, "u-camp")
                        + "&c=poster\"")
                .contains("\"page\":\"" + FakeInviteService.CAMPAIGN_PAGE + "\"");
        assertThat(QrCodes.decode(QrCodes.image(h5.body())).getText())
                .as("a campaign without a mini-program gets the QR code of its share link")
                .isEqualTo(FakeInviteService.shareLink(42, "u-camp"));

        INVITES.miniProgramPage(FakeInviteService.MINI_PROGRAM_CAMPAIGN, "pages/other/index");
        var moved = user("u-camp").get(campaign + "&format=png");
        assertThat(moved.header("ETag"))
                .as("the page is part of the content key")
                .isNotEqualTo(wxa.header("ETag"));
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).hasSize(2);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit").get(1).body()).contains("\"page\":\"pages/other/index\"");
    }

    @Test
    void shouldOpenTheCampaignsPageEvenFromAMiniProgramTemplateWithItsOwnPage() {
        long id = miniProgramTemplate("pages/template/index");

        var r = user("u-camp-tpl")
                .get(MINE + "?campaignId=" + FakeInviteService.MINI_PROGRAM_CAMPAIGN + "&templateId=" + id);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).hasSize(1);
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit").get(0).body())
                .contains("\"page\":\"" + FakeInviteService.CAMPAIGN_PAGE + "\"");
    }

    @Test
    void shouldDrawTheCampaignsMiniProgramCodeOnTheBuiltInPoster() {
        String path = MINE + "?campaignId=" + FakeInviteService.MINI_PROGRAM_CAMPAIGN + "&format=png";

        var first = user("u-camp-builtin").get(path);
        var again = user("u-camp-builtin").get(path);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        Color centre = new Color(QrCodes.image(first.body())
                .getRGB(
                        PosterRenderer.QR_X + PosterRenderer.QR_SIZE / 2,
                        PosterRenderer.QR_Y + PosterRenderer.QR_SIZE / 2));
        assertThat(centre).isEqualTo(new Color(0x07C160));
        assertThat(again.header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(WECHAT.calls("/wxa/getwxacodeunlimit")).hasSize(1);
    }

    // --- pre-generation ---

    @Test
    void shouldPreGenerateTopReferrersPostersWithProgress() {
        long id = createTemplate(qr(215, 860, 320));
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(Map.of("userId", "top-" + i, "nickname", "达人" + i));
        }
        users.add(Map.of("userId", "broken", "nickname", "x"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", 42);
        body.put("templateId", id);
        body.put("format", "jpeg");
        body.put("users", users);

        var started = ops().post(JOBS, body);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long job = started.json().get("jobId").asLong();
        assertThat(started.json().get("total").asInt()).isEqualTo(6);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                ops().get(JOBS + "/" + job).json().get("status").asString())
                        .isEqualTo("FINISHED"));
        JsonNode done = ops().get(JOBS + "/" + job).json();
        assertThat(done.get("done").asInt()).isEqualTo(6);
        assertThat(done.get("failed").asInt()).isZero();

        var served = user("top-3").get(MINE + "?campaignId=42&templateId=" + id + "&nickname=" + enc("达人3"));
        assertThat(served.header("X-Poster-Cache")).isEqualTo("hit");
    }

    @Test
    void shouldListTheNewestJobsFirstWithTheirProgress() {
        long id = createTemplate(qr(215, 860, 320));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", 42);
        body.put("templateId", id);
        body.put("users", List.of(Map.of("userId", "listed-1")));
        long first = ops().post(JOBS, body).json().get("jobId").asLong();
        body.put("users", List.of(Map.of("userId", "listed-2"), Map.of("userId", "listed-3")));
        long second = ops().post(JOBS, body).json().get("jobId").asLong();

        JsonNode listed = ops().get(JOBS + "?limit=2").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("jobId").asLong()).isEqualTo(second);
        assertThat(listed.get(0).get("total").asInt()).isEqualTo(2);
        assertThat(listed.get(1).get("jobId").asLong()).isEqualTo(first);
        assertProblem(user("u1").get(JOBS), 403, "FORBIDDEN");
        // both jobs render in the background: let them finish before the next test counts invite-service calls
        for (long job : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(ops().get(JOBS + "/" + job)
                                    .json()
                                    .get("status")
                                    .asString())
                            .isEqualTo("FINISHED"));
        }
    }

    @Test
    void shouldPreGenerateTheCampaignsTopReferrersAskedOfInviteService() {
        long id = createTemplate(qr(215, 860, 320));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", 42);
        body.put("templateId", id);
        body.put("top", 2);
        body.put(
                "users",
                List.of(Map.of("userId", "ref-2", "nickname", "二号"), Map.of("userId", "extra", "nickname", "Extra")));

        var started = ops().post(JOBS, body);
        var topOnly = ops().post(JOBS, Map.of("campaignId", 42, "templateId", id, "top", 50));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("total").asInt())
                .as("ref-1, ref-2 and extra")
                .isEqualTo(3);
        assertThat(started.json().get("top").asInt()).isEqualTo(2);
        assertThat(topOnly.json().get("total").asInt())
                .as("the campaign has 3 referrers")
                .isEqualTo(3);
        var asked = INVITES.received("/internal/campaigns/");
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).path()).isEqualTo("/internal/campaigns/42/top-referrers");
        assertThat(asked.get(0).query()).isEqualTo("limit=2");
        assertThat(asked.get(0).header(IdentityHeaders.CALLER)).startsWith("SERVICE:poster-service");
        for (long job : List.of(
                started.json().get("jobId").asLong(),
                topOnly.json().get("jobId").asLong())) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(ops().get(JOBS + "/" + job)
                                    .json()
                                    .get("status")
                                    .asString())
                            .isEqualTo("FINISHED"));
            assertThat(ops().get(JOBS + "/" + job).json().get("done").asInt()).isEqualTo(3);
        }

        String poster = MINE + "?campaignId=42&templateId=" + id;
        assertThat(user("ref-1").get(poster).header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(user("ref-3").get(poster).header("X-Poster-Cache")).isEqualTo("hit");
        assertThat(user("ref-2").get(poster + "&nickname=" + enc("二号")).header("X-Poster-Cache"))
                .isEqualTo("hit");
        assertThat(user("extra").get(poster + "&nickname=Extra").header("X-Poster-Cache"))
                .isEqualTo("hit");
    }

    @Test
    void shouldRunAPreGenerationAsAKernelJobRunAndPickUpOneWhoseInstanceStopped() {
        long id = createTemplate(qr(215, 860, 320));
        Map<String, Object> body = Map.of(
                "campaignId",
                42,
                "templateId",
                id,
                "users",
                List.of(Map.of("userId", "run-a"), Map.of("userId", "run-b")));
        long job = ops().post(JOBS, body).json().get("jobId").asLong();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                ops().get(JOBS + "/" + job).json().get("status").asString())
                        .isEqualTo("FINISHED"));
        long first = jdbc.queryForObject("SELECT job_run_id FROM poster_job WHERE id = ?", Long.class, job);
        assertThat(jdbc.queryForMap("SELECT job, subject, status, done, total FROM job_run WHERE id = ?", first))
                .containsEntry("job", "poster-pregen")
                .containsEntry("subject", "job:" + job)
                .containsEntry("status", "DONE")
                .containsEntry("done", 2L)
                .containsEntry("total", 2L);

        // its instance stopped after the first user: the run still RUNNING, its lease passed, the second user pending
        jdbc.update("UPDATE poster_job_item SET status = 'PENDING' WHERE job_id = ? AND seq = 1", job);
        jdbc.update(
                "UPDATE job_run SET status = 'RUNNING', done = 1, finished_at = NULL, lease_key = ?, "
                        + "lease_until = ? WHERE id = ?",
                "poster-pregen:job:" + job,
                java.sql.Timestamp.from(CLOCK.instant().minusSeconds(1)),
                first);
        assertThat(ops().get(JOBS + "/" + job).json().get("status").asString()).isEqualTo("FAILED");

        pregenerating.resumeUnfinished();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                ops().get(JOBS + "/" + job).json().get("status").asString())
                        .isEqualTo("FINISHED"));
        assertThat(ops().get(JOBS + "/" + job).json().get("done").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT job_run_id FROM poster_job WHERE id = ?", Long.class, job))
                .as("a new run")
                .isNotEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT status FROM job_run WHERE id = ?", String.class, first))
                .as("the abandoned run, recorded")
                .isEqualTo("FAILED");
    }

    @Test
    void shouldCountFailuresInAJob() {
        long id = createTemplate(qr(215, 860, 320));
        Map<String, Object> body = Map.of(
                "campaignId",
                FakeInviteService.BROKEN_CAMPAIGN,
                "templateId",
                id,
                "users",
                List.of(Map.of("userId", "a"), Map.of("userId", "b")));

        long job = ops().post(JOBS, body).json().get("jobId").asLong();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                ops().get(JOBS + "/" + job).json().get("status").asString())
                        .isEqualTo("FINISHED"));
        JsonNode done = ops().get(JOBS + "/" + job).json();
        assertThat(done.get("failed").asInt()).isEqualTo(2);
        assertThat(done.get("lastError").asString()).contains("invite-service");
    }

    @Test
    void shouldRefuseABadJobAndStoreNothing() {
        long id = createTemplate(qr(215, 860, 320));
        int jobs = rows("poster_job");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of("userId", "u" + i));
        }

        assertProblem(
                ops().post(JOBS, Map.of("campaignId", 42, "templateId", id, "users", many)), 400, "JOB_TOO_LARGE");
        assertProblem(
                ops().post(JOBS, Map.of("campaignId", 42, "templateId", id, "users", List.of())),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                ops().post(
                                JOBS,
                                Map.of(
                                        "campaignId",
                                        42,
                                        "templateId",
                                        999999,
                                        "users",
                                        List.of(Map.of("userId", "a")))),
                404,
                "TEMPLATE_NOT_FOUND");
        assertProblem(
                ops().post(
                                JOBS,
                                Map.of(
                                        "campaignId",
                                        42,
                                        "templateId",
                                        id,
                                        "users",
                                        List.of(Map.of("userId", "a"), Map.of("userId", "a")))),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                user("u1")
                        .post(
                                JOBS,
                                Map.of("campaignId", 42, "templateId", id, "users", List.of(Map.of("userId", "a")))),
                403,
                "FORBIDDEN");
        assertProblem(ops().get(JOBS + "/987654"), 404, "JOB_NOT_FOUND");
        assertProblem(ops().post(JOBS, Map.of("campaignId", 42, "templateId", id)), 400, "VALIDATION_FAILED");
        assertProblem(ops().post(JOBS, Map.of("campaignId", 42, "templateId", id, "top", 0)), 400, "VALIDATION_FAILED");
        assertProblem(ops().post(JOBS, Map.of("campaignId", 42, "templateId", id, "top", 1001)), 400, "JOB_TOO_LARGE");
        assertProblem(
                ops().post(JOBS, Map.of("campaignId", FakeInviteService.UNKNOWN_CAMPAIGN, "templateId", id, "top", 10)),
                404,
                "CAMPAIGN_NOT_FOUND");
        assertProblem(
                ops().post(JOBS, Map.of("campaignId", FakeInviteService.BROKEN_CAMPAIGN, "templateId", id, "top", 10)),
                503,
                "INVITE_UNAVAILABLE");

        assertThat(rows("poster_job")).isEqualTo(jobs);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Avatars on a local port: /green.png, /huge.png (over the byte limit), /slow.png (never answers in time), /text,
     * and /paint/{name}.png in a colour a test sets (blue until then), counting fetches per name.
     */
    static final class AvatarServer implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();
        private final Map<String, Color> paints = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> paintHits = new ConcurrentHashMap<>();
        private final java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);

        AvatarServer() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/green.png", ex -> {
                hits.incrementAndGet();
                send(ex, "image/png", ImageFixtures.encode(square(new Color(0x00E000)), "png"));
            });
            server.createContext("/paint/", ex -> {
                String name = ex.getRequestURI()
                        .getPath()
                        .substring("/paint/".length())
                        .replace(".png", "");
                paintHits.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                send(ex, "image/png", ImageFixtures.encode(square(paints.getOrDefault(name, Color.BLUE)), "png"));
            });
            server.createContext("/huge.png", ex -> send(ex, "image/png", ImageFixtures.noisePng(600, 600)));
            server.createContext("/text", ex -> send(ex, "text/plain", "hello".getBytes()));
            server.createContext("/slow.png", ex -> {
                try {
                    never.await(3, java.util.concurrent.TimeUnit.SECONDS); // answers long after the read timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(ex, "image/png", ImageFixtures.encode(square(Color.RED), "png"));
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int hits() {
            return hits.get();
        }

        int hits(String paintName) {
            AtomicInteger n = paintHits.get(paintName);
            return n == null ? 0 : n.get();
        }

        void paint(String name, Color colour) {
            paints.put(name, colour);
        }

        private static BufferedImage square(Color colour) {
            BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(colour);
            g.fillRect(0, 0, 200, 200);
            g.dispose();
            return image;
        }

        private static void send(com.sun.net.httpserver.HttpExchange ex, String type, byte[] body) throws IOException {
            try (ex) {
                ex.getResponseHeaders().set("Content-Type", type);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                } catch (IOException gone) {
                    // the client gave up (slow avatar)
                }
            }
        }

        @Override
        public void close() {
            never.countDown();
            server.stop(0);
        }
    }
}
