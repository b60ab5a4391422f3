package io.laxin.poster.render.web;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.application.RenderPosterCommand;
import io.laxin.poster.render.application.RenderedPoster;
import io.laxin.poster.render.application.RenderingPoster;
import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.PosterLanguage;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The end user's own share poster. */
@RestController
public class PosterController {

    public static final String MINE_PATH = "/api/v1/posters/mine";
    /**
     * The poster for the same inputs is the same bytes, named by its content key (the ETag): the client may keep it
     * a few minutes and then revalidate cheaply (304). Never stored by shared caches: it carries the user's code.
     */
    static final String CACHE_CONTROL = "private, max-age=300";
    /** Header telling whether the bytes came from the cache (for operators and tests; not a contract). */
    static final String CACHE_HEADER = "X-Poster-Cache";

    private final RenderingPoster rendering;

    public PosterController(RenderingPoster rendering) {
        this.rendering = rendering;
    }

    @Operation(
            summary = "The calling user's share poster for a campaign (end users)",
            description = "Without templateId: the built-in 750×1334 poster (the campaign's name as headline, QR "
                    + "code of the share link, invite code; its own words in Chinese, or English with lang=en). With templateId: that template (its latest version, or templateVersion) with "
                    + "the user's avatar (fetched from avatarUrl on an allowed host, else the nickname's initial) and "
                    + "nickname. The code box holds the QR code of the user's share link with channel poster; when "
                    + "the campaign is configured for a WeChat mini-program (or the template asks for one), a "
                    + "mini-program code opening the campaign's page whose scene carries the invite code and "
                    + "channel. "
                    + "format is jpeg (default) or png. The ETag is the poster's content key; send it back in "
                    + "If-None-Match for a 304. A cached poster is served without fetching the avatar again; a new "
                    + "image behind the same avatarUrl shows within laxin.poster.avatar.recheck-after (1 day).")
    @GetMapping(MINE_PATH)
    public ResponseEntity<byte[]> mine(
            Caller caller,
            @RequestParam long campaignId,
            @RequestParam(required = false) Long templateId,
            @RequestParam(required = false) Integer templateVersion,
            @RequestParam(required = false) String nickname,
            @RequestParam(required = false) String avatarUrl,
            @RequestParam(defaultValue = "jpeg") String format,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String userId = caller.requireUser();
        PosterFormat posterFormat = PosterFormat.named(format)
                .orElseThrow(() -> new LaxinException(
                        PosterErrorCode.POSTER_FORMAT_UNSUPPORTED, "format must be jpeg or png, not '" + format + "'"));
        PosterLanguage language = PosterLanguage.named(lang)
                .orElseThrow(() -> new LaxinException(
                        CommonErrorCode.VALIDATION_FAILED, "lang must be zh-CN or en, not '" + lang + "'"));
        RenderedPoster poster = rendering.handle(
                new RenderPosterCommand(
                        campaignId, userId, posterFormat, templateId, templateVersion, nickname, avatarUrl, language),
                ifNoneMatch);
        String etag = "\"" + poster.key() + "\"";
        if (poster.notModified()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(posterFormat.mediaType()))
                .eTag(etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(CACHE_HEADER, poster.cacheHit() ? "hit" : "miss")
                .body(poster.bytes());
    }
}
