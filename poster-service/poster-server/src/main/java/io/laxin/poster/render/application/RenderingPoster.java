package io.laxin.poster.render.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.PosterConfiguration;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.domain.Avatars;
import io.laxin.poster.render.domain.Invite;
import io.laxin.poster.render.domain.Invites;
import io.laxin.poster.render.domain.MiniProgramCodes;
import io.laxin.poster.render.domain.MiniProgramScene;
import io.laxin.poster.render.domain.PosterCache;
import io.laxin.poster.render.domain.PosterKey;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.PosterSpec;
import io.laxin.poster.render.domain.TemplatePainter;
import io.laxin.poster.template.domain.CheckedImage;
import io.laxin.poster.template.domain.ImageLimits;
import io.laxin.poster.template.domain.Images;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.TemplateVersion;
import io.laxin.poster.template.domain.Templates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Use case: the user's share poster. Fetches (or creates) the user's poster-channel invite from invite-service, works
 * out the poster's content key from everything that decides its bytes, and answers "not modified" when the client
 * holds that key, the cached bytes when the cache has them, else renders, caches and returns them.
 */
@Service
public class RenderingPoster {

    public static final int MAX_NICKNAME_CODE_POINTS = 64;
    /** Mini-program codes are kept long: WeChat is asked once per user, campaign and template version. */
    static final Duration MINI_PROGRAM_CODE_TTL = Duration.ofDays(180);

    private final Invites invites;
    private final Templates templates;
    private final Avatars avatars;
    private final PosterCache cache;
    private final ObjectProvider<MiniProgramCodes> wechat;
    private final DecodedTemplates decoded;
    private final PosterRenderer builtIn;
    private final TemplatePainter painter;
    private final ImageLimits avatarLimits;
    private final String title;
    private final Duration ttl;
    private final long maxCachedBytes;
    private final ConcurrentMap<String, CompletableFuture<byte[]>> codesInFlight = new ConcurrentHashMap<>();

    /**
     * @param title the built-in poster's headline; invite-api does not expose campaign names yet, so it is configured
     *              ({@code laxin.poster.title})
     */
    public RenderingPoster(Invites invites, Templates templates, Avatars avatars, PosterCache cache,
                           ObjectProvider<MiniProgramCodes> wechat, DecodedTemplates decoded, PosterRenderer builtIn,
                           TemplatePainter painter,
                           @Qualifier(PosterConfiguration.AVATAR_LIMITS) ImageLimits avatarLimits,
                           @Value("${laxin.poster.title}") String title,
                           @Value("${laxin.poster.cache.ttl}") Duration ttl,
                           @Value("${laxin.poster.cache.max-bytes}") long maxCachedBytes) {
        this.invites = invites;
        this.templates = templates;
        this.avatars = avatars;
        this.cache = cache;
        this.wechat = wechat;
        this.decoded = decoded;
        this.builtIn = builtIn;
        this.painter = painter;
        this.avatarLimits = avatarLimits;
        this.title = title;
        this.ttl = ttl;
        this.maxCachedBytes = maxCachedBytes;
    }

    /** The poster bytes (whether or not the client has them). */
    public byte[] handle(RenderPosterCommand command) {
        return handle(command, null).bytes();
    }

    /**
     * @param ifNoneMatch the client's {@code If-None-Match} header, or null
     */
    public RenderedPoster handle(RenderPosterCommand command, String ifNoneMatch) {
        if (command.templateId() == null) {
            return builtIn(command, ifNoneMatch);
        }
        TemplateVersion template = templates.find(command.templateId(), command.templateVersion())
                .orElseThrow(() -> new LaxinException(PosterErrorCode.TEMPLATE_NOT_FOUND, "No template "
                        + command.templateId() + (command.templateVersion() == null ? ""
                        : " version " + command.templateVersion())));
        Invite invite = invites.issue(command.campaignId(), command.userId(), Invites.POSTER_CHANNEL);
        String nickname = nickname(command.nickname());
        CheckedImage avatar = avatar(command.avatarUrl());
        Layout.QrBox qr = template.layout().qr();
        boolean miniProgram = qr.kind() == Layout.CodeKind.MINI_PROGRAM;
        MiniProgramScene scene = miniProgram ? MiniProgramScene.of(invite.code(), Invites.POSTER_CHANNEL) : null;
        String codeContent = miniProgram ? "wxa:" + scene.value() + ":" + qr.miniProgramPage() : invite.shareLink();
        String key = PosterKey.of("template", template.fingerprint(), codeContent,
                avatar == null ? "-" : avatar.sha256(), nickname, command.format().name());
        if (matches(ifNoneMatch, key)) {
            return new RenderedPoster(key, command.format(), null, false);
        }
        Optional<byte[]> cached = cache.get(posterKey(key));
        if (cached.isPresent()) {
            return new RenderedPoster(key, command.format(), cached.get(), true);
        }
        BufferedImage code = miniProgram ? decode(miniProgramCode(template, command, scene)) : null;
        DecodedTemplates.Decoded pixels = decoded.of(template);
        BufferedImage image = painter.draw(template.layout(), pixels.background(), pixels.logo(),
                new TemplatePainter.Content(miniProgram ? null : invite.shareLink(), code,
                        avatar == null ? null : avatar.pixels(), nickname));
        return store(key, command, PosterRenderer.encode(image, command.format()));
    }

    private RenderedPoster builtIn(RenderPosterCommand command, String ifNoneMatch) {
        Invite invite = invites.issue(command.campaignId(), command.userId(), Invites.POSTER_CHANNEL);
        String key = PosterKey.of("builtin", title, invite.code(), invite.shareLink(), command.format().name());
        if (matches(ifNoneMatch, key)) {
            return new RenderedPoster(key, command.format(), null, false);
        }
        Optional<byte[]> cached = cache.get(posterKey(key));
        if (cached.isPresent()) {
            return new RenderedPoster(key, command.format(), cached.get(), true);
        }
        return store(key, command, builtIn.render(new PosterSpec(title, invite.code(), invite.shareLink()),
                command.format()));
    }

    private RenderedPoster store(String key, RenderPosterCommand command, byte[] bytes) {
        if (bytes.length <= maxCachedBytes) {
            cache.put(posterKey(key), bytes, ttl);
        }
        return new RenderedPoster(key, command.format(), bytes, false);
    }

    /**
     * The user's mini-program code for this template version: from the store, else from WeChat once — concurrent
     * first requests for the same code in this instance share one WeChat call.
     */
    private byte[] miniProgramCode(TemplateVersion template, RenderPosterCommand command, MiniProgramScene scene) {
        MiniProgramCodes client = wechat.getIfAvailable();
        if (client == null) {
            throw new LaxinException(PosterErrorCode.WECHAT_NOT_CONFIGURED, "Template " + template.templateId()
                    + " draws a mini-program code; set LAXIN_POSTER_WECHAT_APP_ID and LAXIN_POSTER_WECHAT_APP_SECRET");
        }
        String storeKey = "wxacode:" + template.fingerprint() + ":" + command.campaignId() + ":" + command.userId();
        Optional<byte[]> stored = cache.get(storeKey);
        if (stored.isPresent()) {
            return stored.get();
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = codesInFlight.putIfAbsent(storeKey, mine);
        if (running != null) {
            return running.join();
        }
        try {
            byte[] code = cache.get(storeKey).orElseGet(() -> {
                byte[] fresh = client.unlimited(scene, template.layout().qr().miniProgramPage(),
                        Math.max(280, Math.min(1280, template.layout().qr().size())));
                cache.put(storeKey, fresh, MINI_PROGRAM_CODE_TTL);
                return fresh;
            });
            mine.complete(code);
            return code;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            codesInFlight.remove(storeKey, mine);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new LaxinException(PosterErrorCode.WECHAT_UNAVAILABLE, "WeChat's code is not an image");
            }
            return image;
        } catch (IOException e) {
            throw new LaxinException(PosterErrorCode.WECHAT_UNAVAILABLE, "WeChat's code cannot be read");
        }
    }

    /** The avatar when it can be fetched and passes the checks; else null and the poster shows the initial. */
    private CheckedImage avatar(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        Optional<byte[]> bytes = avatars.fetch(url.strip());
        if (bytes.isEmpty()) {
            return null;
        }
        try {
            return Images.check(bytes.get(), avatarLimits, "avatar");
        } catch (LaxinException unusable) {
            return null;
        }
    }

    /** NFC-normalised, stripped, at most {@value #MAX_NICKNAME_CODE_POINTS} code points; "" when absent. */
    static String nickname(String raw) {
        if (raw == null) {
            return "";
        }
        String n = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (n.codePointCount(0, n.length()) > MAX_NICKNAME_CODE_POINTS) {
            n = n.substring(0, n.offsetByCodePoints(0, MAX_NICKNAME_CODE_POINTS));
        }
        return n;
    }

    private static String posterKey(String key) {
        return "poster:" + key;
    }

    /** Whether {@code If-None-Match} names this key ({@code *}, a list, weak or strong forms). */
    static boolean matches(String ifNoneMatch, String key) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals("\"" + key + "\""));
    }
}
