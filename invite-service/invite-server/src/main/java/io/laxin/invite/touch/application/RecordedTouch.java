package io.laxin.invite.touch.application;

import io.laxin.invite.code.domain.Channel;
import io.laxin.invite.touch.domain.LandingUrl;

/**
 * What opening a share link (or scanning a code) did.
 *
 * @param code    the invite code, normalised
 * @param counted whether it was counted as a new unique touch (false for a repeat within the hour, a HEAD request,
 *                a crawler, a revoked code, or when the touch counters do not answer)
 * @param revoked whether the code was revoked (it counts nothing and lands without the code)
 * @param landing where the friend goes next
 * @param deviceToken the device's token: the valid one it sent (cookie first), else a new one; the client keeps it
 */
public record RecordedTouch(
        long campaignId,
        String code,
        Channel channel,
        boolean counted,
        boolean revoked,
        LandingUrl landing,
        String deviceToken) {}
