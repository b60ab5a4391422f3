package io.laxin.invite.referral.application;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.identity.domain.Identities;
import io.laxin.invite.referral.domain.Referral;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.invite.shared.Masks;
import java.util.List;
import org.springframework.stereotype.Service;

/** Queries: my invitees; who referred a user. */
@Service
public class ReadingReferrals {

    private static final int PAGE = 100;

    private final FindingCampaign campaigns;
    private final Referrals referrals;
    private final Identities identities;

    public ReadingReferrals(FindingCampaign campaigns, Referrals referrals, Identities identities) {
        this.campaigns = campaigns;
        this.referrals = referrals;
        this.identities = identities;
    }

    /** An invitee as their referrer sees them: masked. */
    public record MyInvitee(String invitee, String status, String channel, java.time.Instant registeredAt) {}

    public List<MyInvitee> inviteesOf(long campaignId, String referrerUserId) {
        long id = campaigns.require(campaignId).id();
        return referrals.ofReferrer(id, referrerUserId, PAGE).stream()
                .map(r -> new MyInvitee(
                        identities.maskedPhone(r.inviteeUserId()).orElse(Masks.userId(r.inviteeUserId())),
                                r.status().name(),
                        r.channel(), r.registeredAt()))
                .toList();
    }

    public List<Referral> referralsOfInvitee(String inviteeUserId) {
        return referrals.ofInvitee(inviteeUserId);
    }
}
