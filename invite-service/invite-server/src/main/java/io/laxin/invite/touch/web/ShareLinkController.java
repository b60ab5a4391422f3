package io.laxin.invite.touch.web;

import io.laxin.invite.touch.application.RecordTouchCommand;
import io.laxin.invite.touch.application.RecordedTouch;
import io.laxin.invite.touch.application.RecordingTouch;
import io.laxin.invite.touch.domain.LandingUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public share link {@code /s/{code}}: records the touch and redirects (302) to the landing page, with the
 * device token (ADR 0005) as the {@code laxin_dt} cookie and on the landing URL as {@code laxinDevice}.
 */
@Tag(name = "Share links (public)")
@RestController
public class ShareLinkController {

    /** The first-party cookie on the gateway's origin that keeps the device token. */
    public static final String COOKIE = "laxin_dt";

    static final Duration COOKIE_LIFE = Duration.ofDays(365);

    private final RecordingTouch recording;

    public ShareLinkController(RecordingTouch recording) {
        this.recording = recording;
    }

    /** Where to go for a campaign that lands only in its mini-program (no H5 page to redirect to). */
    public record MiniProgramLanding(String miniProgramPage, String path) {}

    @Operation(
            summary = "Open a share link",
            description = "Records a touch (channel from `ch`, device from `d` or X-Device-Id) and answers 302 to "
                    + "the campaign's landing URL with `inviteCode`, `channel` and `laxinDevice` appended. "
                    + "`laxinDevice` is the device token: the valid one the request carried (cookie `laxin_dt`, then "
                    + "`d` / X-Device-Id), else a new one; it is also set as the cookie `laxin_dt` (Secure, HttpOnly, "
                    + "SameSite=Lax, a year). Only a touch under a token attributes a registration (the host reports "
                    + "the token as deviceId); a raw device id is counted but binds nobody. A campaign with only a "
                    + "mini-program page answers 200 with the page and its path carrying the code (the touch is "
                    + "recorded all the same). A revoked code lands without the code and counts nothing (410 "
                    + "INVITE_CODE_REVOKED when there is no H5 page). HEAD is not counted.")
    @RequestMapping(
            path = "/s/{code}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<?> open(
            @PathVariable String code,
            @RequestParam(name = "ch", required = false) String ch,
            @RequestParam(name = "d", required = false) String device,
            @CookieValue(name = COOKIE, required = false) String cookie,
            HttpServletRequest request) {
        String deviceId = device != null ? device : request.getHeader("X-Device-Id");
        RecordedTouch touch = recording.handle(new RecordTouchCommand(
                code,
                ch,
                ClientIps.of(request),
                request.getHeader(HttpHeaders.USER_AGENT),
                deviceId,
                cookie,
                !"HEAD".equals(request.getMethod())));
        LandingUrl target = touch.landing().withDeviceToken(touch.deviceToken());
        String setCookie = ResponseCookie.from(COOKIE, touch.deviceToken())
                .path("/")
                .maxAge(COOKIE_LIFE)
                .secure(true)
                .httpOnly(true)
                .sameSite("Lax")
                .build()
                .toString();
        if (target.redirect() == null) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.SET_COOKIE, setCookie)
                    .body(new MiniProgramLanding(target.miniProgramPage(), target.miniProgramPath()));
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(target.redirect()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.SET_COOKIE, setCookie)
                .build();
    }
}
