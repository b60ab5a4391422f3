package io.laxin.invite.code.application;

import io.laxin.invite.InviteProperties;
import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.CheckingReferrer;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.kernel.error.LaxinException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Service;

/**
 * Use case: the user's invite code for a campaign, created on first ask and the same on every ask after (until an
 * operator revokes it: the next ask creates a fresh one). In a campaign where only designated users may refer, anyone
 * else gets 403 REFERRER_NOT_DESIGNATED (also for a code they got before). Two first asks at once race on the unique key of the
 * (campaign, user)'s ACTIVE code; the loser reads the winner's code.
 */
@Service
public class IssuingInvite {

    private static final int ATTEMPTS = 5;

    private final FindingCampaign campaigns;
    private final CheckingReferrer referrers;
    private final InviteCodes codes;
    private final Clock clock;
    private final String shareBaseUrl;
    private final RandomGenerator random = new SecureRandom();

    public IssuingInvite(
            FindingCampaign campaigns,
            CheckingReferrer referrers,
            InviteCodes codes,
            Clock clock,
            InviteProperties properties) {
        String shareBaseUrl = properties.shareBaseUrl();
        this.campaigns = campaigns;
        this.referrers = referrers;
        this.codes = codes;
        this.clock = clock;
        this.shareBaseUrl =
                shareBaseUrl.endsWith("/") ? shareBaseUrl.substring(0, shareBaseUrl.length() - 1) : shareBaseUrl;
    }

    public IssuedInvite handle(IssueInviteCommand command) {
        Campaign campaign = campaigns.require(command.campaignId());
        referrers.requireMayRefer(campaign, command.userId(), "no invite code for them");
        Optional<InviteCode> existing = codes.findActive(campaign.id(), command.userId());
        if (existing.isPresent()) {
            return toIssued(existing.get(), campaign, command);
        }
        if (!campaign.isOpenAt(clock.instant())) {
            throw new LaxinException(
                    InviteErrorCode.CAMPAIGN_NOT_ACTIVE,
                    "Campaign " + campaign.id() + " is not running now (" + campaign.status()
                            + "); no new invite codes");
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            InviteCode candidate = InviteCode.issued(campaign.id(), command.userId(), CodeFormat.generate(random));
            if (codes.tryAdd(candidate)) {
                return toIssued(candidate, campaign, command);
            }
            Optional<InviteCode> raced = codes.findActive(campaign.id(), command.userId());
            if (raced.isPresent()) {
                return toIssued(raced.get(), campaign, command);
            }
        }
        throw new IllegalStateException("Could not find a free invite code in " + ATTEMPTS + " attempts");
    }

    private IssuedInvite toIssued(InviteCode code, Campaign campaign, IssueInviteCommand command) {
        return new IssuedInvite(
                code.campaignId(),
                code.userId(),
                code.code(),
                shareBaseUrl + "/s/" + code.code() + "?ch=" + command.channel().tag(),
                campaign.landing().miniProgramPage(),
                campaign.name());
    }
}
