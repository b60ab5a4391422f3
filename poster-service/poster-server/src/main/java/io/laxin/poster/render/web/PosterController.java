package io.laxin.poster.render.web;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.application.RenderPosterCommand;
import io.laxin.poster.render.application.RenderingPoster;
import io.laxin.poster.render.domain.PosterFormat;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The end user's own share poster. */
@RestController
public class PosterController {

    public static final String MINE_PATH = "/api/v1/posters/mine";
    /** The poster changes only when the campaign does; let the client keep it for a few minutes, never shared. */
    static final String CACHE_CONTROL = "private, max-age=300";

    private final RenderingPoster rendering;

    public PosterController(RenderingPoster rendering) {
        this.rendering = rendering;
    }

    @Operation(summary = "The calling user's share poster for a campaign (end users)",
            description = "A 750×1334 image with the campaign title, a QR code of the user's share link (channel "
                    + "poster) and the invite code. format is jpeg (default) or png.")
    @GetMapping(MINE_PATH)
    public ResponseEntity<byte[]> mine(Caller caller, @RequestParam long campaignId,
                                       @RequestParam(defaultValue = "jpeg") String format) {
        String userId = caller.requireUser();
        PosterFormat posterFormat = PosterFormat.named(format).orElseThrow(() -> new LaxinException(
                PosterErrorCode.POSTER_FORMAT_UNSUPPORTED, "format must be jpeg or png, not '" + format + "'"));
        byte[] image = rendering.handle(new RenderPosterCommand(campaignId, userId, posterFormat));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(posterFormat.mediaType()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .body(image);
    }
}
