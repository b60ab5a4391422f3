package io.laxin.invite.referral.web;

import io.laxin.invite.referral.application.ReadingReferrals;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ReferralQueryController {

    private final ReadingReferrals reading;

    public ReferralQueryController(ReadingReferrals reading) {
        this.reading = reading;
    }

    @Tag(name = "Invites (end users)")
    @Operation(
            summary = "My invitees in a campaign, newest first",
            description = "Masked (138****1234 when the host reported a phone, else a masked id), with the outcome, "
                    + "the channel that brought them and when they registered. At most 100.")
    @GetMapping("/api/v1/invites/mine/invitees")
    public List<ReadingReferrals.MyInvitee> myInvitees(Caller caller, @RequestParam long campaignId) {
        return reading.inviteesOf(campaignId, caller.requireUser());
    }

    /** Who referred a user, per campaign. */
    public record ReferrerOf(
            long referralId,
            long campaignId,
            String inviteeUserId,
            String referrerUserId,
            String status,
            String channel,
            Instant registeredAt) {}

    @Tag(name = "Registrations (host backend)")
    @Operation(
            summary = "Who referred a user (host backend)",
            description = "One entry per campaign the user was reported in, with the outcome. A key scoped to "
                    + "campaigns sees only the entries of its campaigns.")
    @GetMapping("/api/v1/host/referrals")
    public List<ReferrerOf> referrerOf(Caller caller, @RequestParam String inviteeUserId) {
        caller.requireKind(CallerKind.HOST);
        return reading.referralsOfInvitee(inviteeUserId).stream()
                .filter(r -> caller.mayActOnCampaign(r.campaignId()))
                .map(r -> new ReferrerOf(
                        r.id(),
                        r.campaignId(),
                        r.inviteeUserId(),
                        r.referrerUserId(),
                        r.status().name(),
                        r.channel(),
                        r.registeredAt()))
                .toList();
    }
}
