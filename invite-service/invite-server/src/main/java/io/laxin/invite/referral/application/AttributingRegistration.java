package io.laxin.invite.referral.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.referral.domain.AttributionRules;
import io.laxin.invite.referral.domain.Referral;
import io.laxin.invite.referral.domain.ReferralStatus;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.invite.referral.domain.RiskScreening;
import io.laxin.invite.referral.messaging.ReferralEventPublisher;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case: attribute a reported registration. Bad input (malformed or unknown code, unknown or closed campaign) is
 * refused and writes nothing. Otherwise the invitee gets exactly one referral per campaign — ATTRIBUTED,
 * PENDING_REVIEW or REJECTED — stored together with its event in one transaction (outbox), so the binding and the
 * event commit or vanish together. A repeated report returns the first outcome.
 */
@Service
public class AttributingRegistration {

    private final FindingCampaign campaigns;
    private final InviteCodes codes;
    private final Referrals referrals;
    private final RiskScreening screening;
    private final ReferralEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AttributingRegistration(FindingCampaign campaigns, InviteCodes codes, Referrals referrals,
                                   RiskScreening screening, ReferralEventPublisher events, TransactionTemplate tx,
                                   Clock clock) {
        this.campaigns = campaigns;
        this.codes = codes;
        this.referrals = referrals;
        this.screening = screening;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public record Outcome(Referral referral, boolean firstReport) {
    }

    public Outcome handle(AttributeRegistrationCommand c) {
        String code = CodeFormat.normalise(c.inviteCode()).orElseThrow(() ->
                new LaxinException(InviteErrorCode.INVITE_CODE_MALFORMED, "'" + c.inviteCode()
                        + "' is not an invite code"));
        Campaign campaign = campaigns.require(c.campaignId());
        InviteCode invite = codes.findByCode(code).filter(i -> i.campaignId() == campaign.id()).orElseThrow(() ->
                new LaxinException(InviteErrorCode.INVITE_CODE_NOT_FOUND,
                        "No invite code " + code + " in campaign " + campaign.id()));
        Optional<Referral> existing = referrals.findByInvitee(campaign.id(), c.inviteeUserId());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        Instant now = clock.instant();
        Instant registeredAt = c.registeredAt() == null ? now : c.registeredAt();
        if (!campaign.isOpenAt(registeredAt)) {
            throw new LaxinException(InviteErrorCode.CAMPAIGN_NOT_ACTIVE, "Campaign " + campaign.id()
                    + " was not running at " + registeredAt);
        }

        ReferralStatus status;
        List<String> reasons;
        String screeningId = null;
        Optional<List<String>> refusal = AttributionRules.refuseWithoutScreening(invite.userId(), c.inviteeUserId());
        if (refusal.isPresent()) {
            status = ReferralStatus.REJECTED;
            reasons = refusal.get();
        } else {
            RiskScreening.Result risk = screening.screen(new RiskScreening.Request(campaign.id(), invite.userId(),
                    c.inviteeUserId(), c.deviceId(), c.ip(), c.userAgent(), registeredAt));
            status = AttributionRules.statusFor(risk.verdict());
            reasons = risk.reasons();
            screeningId = risk.screeningId();
        }
        Referral candidate = new Referral(null, campaign.id(), invite.userId(), c.inviteeUserId(), code, status,
                reasons, screeningId, campaign.policyVersion(), c.deviceId(), c.ip(), registeredAt, now);

        Outcome outcome = tx.execute(s -> referrals.tryAdd(candidate)
                .map(stored -> {
                    events.published(stored, campaign);
                    return new Outcome(stored, true);
                })
                .orElse(null));
        if (outcome != null) {
            return outcome;
        }
        // a concurrent report of the same registration won the unique key: answer with its outcome
        return new Outcome(referrals.findByInvitee(campaign.id(), c.inviteeUserId()).orElseThrow(), false);
    }
}
