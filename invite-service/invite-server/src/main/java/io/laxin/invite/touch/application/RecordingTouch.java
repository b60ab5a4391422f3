package io.laxin.invite.touch.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.RecentCampaigns;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.Channel;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.touch.domain.Crawlers;
import io.laxin.invite.touch.domain.DeviceIds;
import io.laxin.invite.touch.domain.DeviceTokens;
import io.laxin.invite.touch.domain.LandingUrl;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.invite.touch.domain.Touches;
import io.laxin.kernel.error.LaxinException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Use case: a share link was opened — count the touch (unless it is a HEAD request or a crawler) and tell where to
 * redirect. The same visitor opening the same code again within an hour counts as raw, not as a new unique touch.
 * A revoked code counts nothing and lands without the code.
 *
 * <p>ADR 0005: the device answers with a device token — the valid one it sent (the {@code laxin_dt} cookie first,
 * then the sent id), else a new one — and only that token is remembered for attribution. A raw id (or a token that
 * does not check out) still tells the visitor apart in the funnel but binds nobody, unless the campaign still takes
 * legacy device ids, when it is remembered too.
 */
@Service
public class RecordingTouch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordingTouch.class);

    static final Duration UNIQUE_WINDOW = Duration.ofHours(1);

    private final InviteCodes codes;
    private final RecentCampaigns campaigns;
    private final Touches touches;
    private final DeviceTokens tokens;
    private final Clock clock;

    public RecordingTouch(
            InviteCodes codes, RecentCampaigns campaigns, Touches touches, DeviceTokens tokens, Clock clock) {
        this.codes = codes;
        this.campaigns = campaigns;
        this.touches = touches;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Counts the touch; the answer says where the friend lands: the H5 page, or the mini-program page to open. */
    public RecordedTouch handle(RecordTouchCommand command) {
        String code = CodeFormat.normalise(command.code())
                .orElseThrow(() -> new LaxinException(
                        InviteErrorCode.INVITE_CODE_MALFORMED, "'" + command.code() + "' is not an invite code"));
        InviteCode invite = codes.findByCode(code)
                .orElseThrow(() -> new LaxinException(InviteErrorCode.INVITE_CODE_NOT_FOUND, "No invite code " + code));
        Campaign campaign = campaigns.require(invite.campaignId());
        Channel channel = Channel.parse(command.channel());
        String sent = DeviceIds.usableOrNull(command.deviceId());
        boolean cookieValid = tokens.isValid(command.cookieToken());
        String token = cookieValid ? command.cookieToken() : tokens.isValid(sent) ? sent : tokens.issue();
        if (invite.revoked()) {
            // the friend still reaches the campaign, but nothing credits the code's owner
            if (!campaign.landing().hasUrl()) {
                throw new LaxinException(InviteErrorCode.INVITE_CODE_REVOKED, "Invite code " + code + " was revoked");
            }
            return new RecordedTouch(
                    campaign.id(),
                    code,
                    channel,
                    false,
                    true,
                    LandingUrl.withoutCode(campaign.landing().url(), channel),
                    token);
        }
        boolean unique = false;
        if (command.count() && !Crawlers.isCrawler(command.userAgent())) {
            String device = sent != null ? sent : cookieValid ? token : null;
            String visitor = device != null ? "d:" + device : "n:" + sha256(command.ip() + "|" + command.userAgent());
            // the token this visit answers is the same visitor when it comes back with it
            List<String> visitors = visitor.equals("d:" + token) ? List.of(visitor) : List.of(visitor, "d:" + token);
            List<String> remembered = new ArrayList<>(List.of(token));
            if (campaign.legacyDeviceIds() && sent != null && !sent.equals(token)) {
                remembered.add(sent);
            }
            try {
                unique = touches.record(
                        new Touch(campaign.id(), code, channel, visitors, remembered, clock.instant()),
                        UNIQUE_WINDOW,
                        Duration.ofDays(campaign.attributionWindowDays()));
            } catch (DataAccessException countersDown) {
                // the friend still lands on the campaign; only this touch goes uncounted
                log.warn(
                        "Touch of {} not counted, the touch counters do not answer: {}", code, countersDown.toString());
            }
        }
        return new RecordedTouch(
                campaign.id(),
                code,
                channel,
                unique,
                false,
                LandingUrl.of(campaign.landing().url(), campaign.landing().miniProgramPage(), code, channel),
                token);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
