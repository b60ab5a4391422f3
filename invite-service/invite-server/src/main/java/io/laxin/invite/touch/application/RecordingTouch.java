package io.laxin.invite.touch.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.Channel;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.touch.domain.LandingUrl;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.invite.touch.domain.Touches;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Use case: record a touch on a share link and tell where to redirect. */
@Service
public class RecordingTouch {

    private final InviteCodes codes;
    private final FindingCampaign campaigns;
    private final Touches touches;
    private final Clock clock;

    public RecordingTouch(InviteCodes codes, FindingCampaign campaigns, Touches touches, Clock clock) {
        this.codes = codes;
        this.campaigns = campaigns;
        this.touches = touches;
        this.clock = clock;
    }

    /** Returns the landing URL to redirect to. */
    public String handle(RecordTouchCommand command) {
        String code = CodeFormat.normalise(command.code()).orElseThrow(() ->
                new LaxinException(InviteErrorCode.INVITE_CODE_MALFORMED, "'" + command.code()
                        + "' is not an invite code"));
        InviteCode invite = codes.findByCode(code).orElseThrow(() ->
                new LaxinException(InviteErrorCode.INVITE_CODE_NOT_FOUND, "No invite code " + code));
        Campaign campaign = campaigns.require(invite.campaignId());
        Channel channel = Channel.parse(command.channel());
        if (command.count()) {
            touches.record(new Touch(campaign.id(), code, channel, command.ip(), command.userAgent(),
                    command.deviceId(), clock.instant()));
        }
        return LandingUrl.of(campaign.landingUrl(), code, channel);
    }
}
