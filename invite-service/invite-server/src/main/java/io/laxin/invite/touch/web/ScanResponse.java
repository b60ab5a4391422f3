package io.laxin.invite.touch.web;

import io.laxin.invite.touch.application.RecordedTouch;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a scan did and where the friend goes next.
 *
 * @param counted         whether it counted as a new unique touch (false for a repeat from the same device within the
 *                        hour, a crawler, a revoked code, or while the touch counters are away)
 * @param landingUrl      the brand's H5 page carrying the code and channel, or null when the campaign has none
 * @param miniProgramPage the campaign's mini-program page when it lands only there, else null
 * @param deviceToken     the device token to keep and send as the device id from now on (ADR 0005)
 */
public record ScanResponse(
        String code,
        String channel,
        long campaignId,
        boolean counted,
        @Schema(nullable = true) String landingUrl,
        @Schema(nullable = true) String miniProgramPage,

        @Schema(
                description = "The device token to keep and send as deviceId from now on (the one "
                        + "sent when it was valid, else a new one); the host reports it as the "
                        + "registration's deviceId")
        String deviceToken) {

    static ScanResponse of(RecordedTouch t) {
        return new ScanResponse(
                t.code(),
                t.channel().tag(),
                t.campaignId(),
                t.counted(),
                t.landing().redirect(),
                t.landing().miniProgramPage(),
                t.deviceToken());
    }
}
