package io.laxin.poster.render.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.PosterProperties;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.domain.Invite;
import io.laxin.poster.render.domain.Invites;
import io.laxin.poster.render.domain.PosterCache;
import io.laxin.poster.render.domain.PosterCode;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.PosterKey;
import io.laxin.poster.render.domain.PosterLanguage;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.PosterSpec;
import io.laxin.poster.render.domain.PosterVariants;
import io.laxin.poster.render.domain.TemplatePainter;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.VersionLayout;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Use case: the user's share poster. Fetches (or creates) the user's poster-channel invite from invite-service — one
 * call per request: the code, the share link, whether the campaign is still active and whether it is configured for
 * a mini-program are invite-service's — works out the poster's content key from everything that decides its bytes,
 * and answers "not modified" when the client holds that key, the cached bytes when the cache has them, else renders,
 * caches and returns them. Nothing else is fetched before the cache is asked: the template's layout comes from
 * {@link KnownTemplateVersions} (never with its background), the avatar's digest from {@link KnownAvatars}' memory,
 * and the background, the avatar and the mini-program code are read only to render.
 */
@Service
public class RenderingPoster {

    public static final int MAX_NICKNAME_CODE_POINTS = 64;

    private final Invites invites;
    private final KnownTemplateVersions templates;
    private final KnownAvatars avatars;
    private final PosterCache cache;
    private final StoredMiniProgramCodes codes;
    private final DecodedTemplates decoded;
    private final PosterRenderer builtIn;
    private final TemplatePainter painter;
    private final PosterVariants variants;
    private final RenderSlots slots;
    private final Clock clock;
    private final String title;
    private final Duration ttl;
    private final long maxCachedBytes;
    private final int variantsPerDay;

    /**
     * @param title the built-in poster's headline when neither the campaign's name nor a language default applies:
     *              {@code laxin.poster.title}, empty by default (the campaign's name is the headline)
     */
    public RenderingPoster(
            Invites invites,
            KnownTemplateVersions templates,
            KnownAvatars avatars,
            PosterCache cache,
            StoredMiniProgramCodes codes,
            DecodedTemplates decoded,
            PosterRenderer builtIn,
            TemplatePainter painter,
            PosterVariants variants,
            RenderSlots slots,
            Clock clock,
            PosterProperties properties) {
        this.invites = invites;
        this.templates = templates;
        this.avatars = avatars;
        this.cache = cache;
        this.codes = codes;
        this.decoded = decoded;
        this.builtIn = builtIn;
        this.painter = painter;
        this.variants = variants;
        this.slots = slots;
        this.clock = clock;
        this.title = properties.title();
        this.ttl = properties.cache().ttl();
        this.maxCachedBytes = properties.cache().maxBytes();
        this.variantsPerDay = properties.render().variantsPerUserPerDay();
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
        VersionLayout template = templates
                .find(command.templateId(), command.templateVersion())
                .orElseThrow(() -> new LaxinException(
                        PosterErrorCode.TEMPLATE_NOT_FOUND,
                        "No template "
                                + command.templateId()
                                + (command.templateVersion() == null ? "" : " version " + command.templateVersion())));
        Invite invite = invites.issue(command.campaignId(), command.userId(), Invites.POSTER_CHANNEL);
        String nickname = nickname(command.nickname());
        PosterCode code = PosterCode.of(invite, template.layout().qr());
        String avatarUrl = command.avatarUrl() == null || command.avatarUrl().isBlank()
                ? null
                : command.avatarUrl().strip();
        KnownAvatars.Fetched avatar = null;
        String avatarDigest = KnownAvatars.NONE;
        if (avatarUrl != null) {
            Optional<String> remembered = avatars.rememberedDigest(avatarUrl);
            if (remembered.isPresent()) {
                avatarDigest = remembered.get();
            } else {
                avatar = avatars.fetch(avatarUrl);
                avatarDigest = avatar.digest();
            }
        }
        String key = templateKey(template, code, avatarDigest, nickname, command.format());
        Optional<RenderedPoster> known = known(key, command.format(), ifNoneMatch);
        if (known.isPresent()) {
            return known.get();
        }
        if (avatarUrl != null && avatar == null) {
            avatar = avatars.fetch(avatarUrl);
            if (!avatar.digest().equals(avatarDigest)) {
                // a new image behind the same URL since its digest was remembered: a new poster, with its own key
                key = templateKey(template, code, avatar.digest(), nickname, command.format());
                known = known(key, command.format(), ifNoneMatch);
                if (known.isPresent()) {
                    return known.get();
                }
            }
        }
        admit(command.userId(), key);
        Layout.QrBox box = template.layout().qr();
        BufferedImage codeImage = code.miniProgram()
                ? codes.image(
                        code,
                        box.size(),
                        "Campaign " + command.campaignId() + " with template " + template.templateId())
                : null;
        DecodedTemplates.Decoded pixels = decoded.of(template);
        KnownAvatars.Fetched drawn = avatar;
        byte[] bytes = slots.run(() -> PosterRenderer.encode(
                painter.draw(
                        template.layout(),
                        pixels.background(),
                        pixels.logo(),
                        new TemplatePainter.Content(
                                code.shareLink(), codeImage, drawn == null ? null : drawn.pixels(), nickname)),
                command.format()));
        return store(key, command.format(), bytes);
    }

    private RenderedPoster builtIn(RenderPosterCommand command, String ifNoneMatch) {
        Invite invite = invites.issue(command.campaignId(), command.userId(), Invites.POSTER_CHANNEL);
        PosterCode code = PosterCode.of(invite, null);
        String headline = headline(invite, command.language());
        String key = PosterKey.of(
                "builtin",
                headline,
                command.language().name(),
                invite.code(),
                code.content(),
                command.format().name());
        Optional<RenderedPoster> known = known(key, command.format(), ifNoneMatch);
        if (known.isPresent()) {
            return known.get();
        }
        admit(command.userId(), key);
        BufferedImage codeImage = code.miniProgram()
                ? codes.image(code, PosterRenderer.QR_SIZE, "Campaign " + command.campaignId())
                : null;
        return store(
                key,
                command.format(),
                slots.run(() -> builtIn.render(
                        new PosterSpec(headline, invite.code(), invite.shareLink(), command.language()),
                        codeImage,
                        command.format())));
    }

    /**
     * A render the cache could not answer counts against the user's different posters of the day: a client sending
     * a new nickname each time cannot make every request a render.
     */
    private void admit(String userId, String key) {
        if (!variants.admit(userId, key, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), variantsPerDay)) {
            throw new LaxinException(
                    PosterErrorCode.POSTER_VARIANTS_EXCEEDED,
                    "User " + userId + " had "
                            + variantsPerDay
                            + " different posters rendered today; ask for one of those (same nickname, "
                            + "avatar, template and format) or come back tomorrow");
        }
    }

    /** The campaign's name; else the configured title; else the language's own "invite a friend" line. */
    private String headline(Invite invite, PosterLanguage language) {
        if (invite.campaignName() != null && !invite.campaignName().isBlank()) {
            return invite.campaignName().strip();
        }
        return title == null || title.isBlank() ? language.defaultTitle() : title;
    }

    private static String templateKey(
            VersionLayout template, PosterCode code, String avatarDigest, String nickname, PosterFormat format) {
        return PosterKey.of("template", template.fingerprint(), code.content(), avatarDigest, nickname, format.name());
    }

    /** Not modified when the client holds {@code key}; the cached bytes when the cache has them; else empty. */
    private Optional<RenderedPoster> known(String key, PosterFormat format, String ifNoneMatch) {
        if (matches(ifNoneMatch, key)) {
            return Optional.of(new RenderedPoster(key, format, null, false));
        }
        return cache.get(posterKey(key)).map(bytes -> new RenderedPoster(key, format, bytes, true));
    }

    private RenderedPoster store(String key, PosterFormat format, byte[] bytes) {
        if (bytes.length <= maxCachedBytes) {
            cache.put(posterKey(key), bytes, ttl);
        }
        return new RenderedPoster(key, format, bytes, false);
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
