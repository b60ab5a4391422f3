package io.laxin.invite.touch.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A scan reported by the mini-program (from {@code onLoad}) or an H5 page: the code's {@code scene}, or the code and
 * channel themselves, and the device id the SDK keeps.
 */
public record ScanRequest(
        @Schema(
                description = "The mini-program code's scene, e.g. i=K7PX3MWQ&c=poster (URL-encoded or not)",
                example = "i=K7PX3MWQ&c=poster")
        @Size(max = 512)
        String scene,

        @Schema(description = "The invite code, when there is no scene", example = "K7PX3MWQ") @Size(max = 64)
        String code,

        @Schema(
                description = "The channel tag with the code: poster, qr, link, moments, group or private; "
                        + "anything else counts as link",
                example = "poster")
        @Size(max = 32)
        String channel,

        @Schema(
                description = "The device token the last scan answered, or the SDK's own id the first time (also "
                        + "accepted as X-Device-Id); only a device token the suite issued attributes")
        @Size(max = 512)
        String deviceId) {}
