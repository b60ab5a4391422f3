package io.laxin.invite.touch.web;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.touch.application.RecordTouchCommand;
import io.laxin.invite.touch.application.RecordedTouch;
import io.laxin.invite.touch.application.RecordingTouch;
import io.laxin.invite.touch.domain.Scene;
import io.laxin.kernel.error.LaxinException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scans that count: a mini-program code opens the mini-program, not {@code /s/{code}}, so the mini-program (through
 * the SDK) reports the scan here from {@code onLoad}. It is recorded exactly as a share link's touch — the same bot,
 * repeat and unique-visitor rules, the same device touch for attribution — with the channel from the scene.
 */
@Tag(name = "Scans (public)")
@RestController
public class ScanController {

    public static final String PATH = "/api/v1/public/scans";

    private final RecordingTouch recording;

    public ScanController(RecordingTouch recording) {
        this.recording = recording;
    }

    @Operation(
            summary = "Record a scan of a mini-program code or QR poster",
            description = "Send the code's `scene` (`i=<code>&c=<channel>`, as WeChat passes it to onLoad) or the "
                    + "`code` and `channel`, with the SDK's device id (body or X-Device-Id). The scan counts as a touch "
                    + "of its channel and answers `deviceToken`: the device token sent (cookie `laxin_dt`, then the "
                    + "device id) when it is valid, else a new one. The SDK keeps it as its device id; a registration "
                    + "reporting it as deviceId within the campaign's attribution window is attributed to the code's "
                    + "owner like after a share link (a raw device id binds nobody). Public: no token. 400 "
                    + "INVITE_SCENE_MALFORMED, 404 INVITE_CODE_NOT_FOUND, 410 INVITE_CODE_REVOKED.")
    @PostMapping(PATH)
    public ResponseEntity<ScanResponse> scan(
            @Valid @RequestBody ScanRequest body,
            @CookieValue(name = ShareLinkController.COOKIE, required = false) String cookie,
            HttpServletRequest request) {
        String code;
        String channel;
        if (body.scene() != null && !body.scene().isBlank()) {
            Scene scene = Scene.parse(body.scene())
                    .orElseThrow(() -> new LaxinException(
                            InviteErrorCode.INVITE_SCENE_MALFORMED,
                            "The scene names no invite code (expected i=<code>&c=<channel>)"));
            code = scene.code();
            channel = scene.channel();
        } else if (body.code() != null && !body.code().isBlank()) {
            code = body.code();
            channel = body.channel();
        } else {
            throw new LaxinException(InviteErrorCode.INVITE_SCENE_MALFORMED, "Send a scene, or a code and a channel");
        }
        String device = body.deviceId() != null ? body.deviceId() : request.getHeader("X-Device-Id");
        RecordedTouch touch = recording.handle(new RecordTouchCommand(
                code, channel, ClientIps.of(request), request.getHeader(HttpHeaders.USER_AGENT), device, cookie, true));
        if (touch.revoked()) {
            throw new LaxinException(
                    InviteErrorCode.INVITE_CODE_REVOKED, "Invite code " + touch.code() + " was revoked");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ScanResponse.of(touch));
    }
}
