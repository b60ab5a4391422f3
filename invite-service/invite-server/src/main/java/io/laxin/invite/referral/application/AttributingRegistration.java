package io.laxin.invite.referral.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.CheckingReferrer;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.identity.application.UserIdentifiers;
import io.laxin.invite.identity.domain.Identities;
import io.laxin.invite.referral.domain.AttributionRules;
import io.laxin.invite.referral.domain.HeldScreenings;
import io.laxin.invite.referral.domain.Referral;
import io.laxin.invite.referral.domain.ReferralEvents;
import io.laxin.invite.referral.domain.ReferralOutcomes;
import io.laxin.invite.referral.domain.ReferralStatus;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.invite.referral.domain.RiskScreening;
import io.laxin.invite.touch.domain.DeviceTokens;
import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.Touches;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.ReportedTimes;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: attribute a reported registration. Bad input (malformed, unknown or revoked code, unknown campaign, no
 * code and no touch, a referrer no longer designated, a campaign not running now) is refused with a problem and writes nothing; so is a second report that names
 * another referrer for an invitee already bound. Otherwise the invitee gets exactly one referral per campaign —
 * REJECTED by invite-service's own rules (self-referral by any shared identifier, binding loop, not new, duplicate
 * account, outside the attribution window), or screened by antifraud-service: ATTRIBUTED, PENDING_REVIEW or
 * REJECTED. The referral, its event (outbox) and the invitee's identifiers are written in one transaction. A repeated
 * report returns the first outcome. A registration held because screening did not answer keeps its screening
 * request in the same transaction, to be screened again until it is answered ({@link RescreeningHeldReferrals}).
 *
 * <p>ADR 0005: a device's touches count only when the reported deviceId is a device token the suite issued (or the
 * campaign still takes legacy ids). Under FIRST_TOUCH / LAST_TOUCH the token's touch wins over the reported code;
 * when the reported code belongs to another referrer, the invitee is bound to the touch's referrer and screened with
 * the code's owner as the contesting claimant, so antifraud-service holds it for review (CONTESTED_ATTRIBUTION).
 */
@Service
public class AttributingRegistration {

    private static final int MAX_CHAIN = 32;

    private final FindingCampaign campaigns;
    private final CheckingReferrer referrers;
    private final InviteCodes codes;
    private final Referrals referrals;
    private final Touches touches;
    private final DeviceTokens deviceTokens;
    private final Identities identities;
    private final UserIdentifiers userIdentifiers;
    private final RiskScreening screening;
    private final HeldScreenings held;
    private final ReferralEvents events;
    private final ReferralOutcomes outcomes;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AttributingRegistration(
            FindingCampaign campaigns,
            CheckingReferrer referrers,
            InviteCodes codes,
            Referrals referrals,
            Touches touches,
            DeviceTokens deviceTokens,
            Identities identities,
            UserIdentifiers userIdentifiers,
            RiskScreening screening,
            HeldScreenings held,
            ReferralEvents events,
            ReferralOutcomes outcomes,
            IdempotentRequests idempotency,
            TransactionTemplate tx,
            Clock clock) {
        this.campaigns = campaigns;
        this.referrers = referrers;
        this.codes = codes;
        this.referrals = referrals;
        this.touches = touches;
        this.deviceTokens = deviceTokens;
        this.identities = identities;
        this.userIdentifiers = userIdentifiers;
        this.screening = screening;
        this.held = held;
        this.events = events;
        this.outcomes = outcomes;
        this.idempotency = idempotency;
        this.tx = tx;
        this.clock = clock;
    }

    public record Outcome(Referral referral, boolean firstReport) {}

    public Outcome handle(AttributeRegistrationCommand c) {
        return handle(c, null);
    }

    /**
     * Attributes the registration once per idempotency {@code key} (null: none): an earlier answer under the key is
     * returned before anything else; otherwise the screening call is made with no transaction open, and the key is
     * recorded with its answer inside the one transaction that writes the referral.
     */
    public Outcome handle(AttributeRegistrationCommand c, IdempotentRequests.Key key) {
        if (key == null) {
            return attribute(c, null);
        }
        Optional<Outcome> earlier = idempotency.earlier(key, Outcome.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return attribute(c, key);
        } catch (IdempotentRequests.KeyTaken raced) {
            return idempotency.earlier(key, Outcome.class).orElseThrow();
        }
    }

    private Outcome attribute(AttributeRegistrationCommand c, IdempotentRequests.Key key) {
        String reportedCode = c.inviteCode() == null || c.inviteCode().isBlank()
                ? null
                : CodeFormat.normalise(c.inviteCode())
                        .orElseThrow(() -> new LaxinException(
                                InviteErrorCode.INVITE_CODE_MALFORMED,
                                "'" + c.inviteCode() + "' is not an invite code"));
        String deviceId = c.deviceId() == null || c.deviceId().isBlank() ? null : c.deviceId();
        if (reportedCode == null && deviceId == null) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "inviteCode or deviceId: give at least one");
        }
        if (c.registeredAt() != null && !ReportedTimes.plausible(c.registeredAt(), clock.instant())) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED, ReportedTimes.why("registeredAt", c.registeredAt()));
        }
        UserIdentifiers.Reported reported = userIdentifiers.of(deviceId, c.phone(), c.openid(), c.unionid());
        Campaign campaign = campaigns.require(c.campaignId());
        // only a device token the suite issued finds the device's touches (any id while the campaign takes legacy ids)
        String touchedDevice =
                deviceId != null && (deviceTokens.isValid(deviceId) || campaign.legacyDeviceIds()) ? deviceId : null;
        Optional<DeviceTouch> first =
                touchedDevice == null ? Optional.empty() : touches.firstTouch(campaign.id(), touchedDevice);
        Optional<DeviceTouch> last =
                touchedDevice == null ? Optional.empty() : touches.lastTouch(campaign.id(), touchedDevice);
        AttributionRules.Source source = AttributionRules.choose(campaign.bindingMode(), reportedCode, first, last)
                .orElseThrow(() -> new LaxinException(
                        InviteErrorCode.NO_REFERRER_FOUND,
                        "No invite code, and device " + deviceId + " opened no share link of campaign " + campaign.id()
                                + " within its attribution window"));
        InviteCode invite = codes.findByCode(source.code())
                .filter(i -> i.campaignId() == campaign.id())
                .orElseThrow(() -> new LaxinException(
                        InviteErrorCode.INVITE_CODE_NOT_FOUND,
                        "No invite code " + source.code() + " in campaign " + campaign.id()));

        Optional<Referral> existing = referrals.findByInvitee(campaign.id(), c.inviteeUserId());
        if (existing.isPresent()) {
            return replay(existing.get(), invite);
        }
        if (invite.revoked()) {
            throw new LaxinException(
                    InviteErrorCode.INVITE_CODE_REVOKED,
                    "Invite code " + invite.code() + " was revoked by an operator; it brings no invitee to "
                            + invite.userId());
        }
        referrers.requireMayRefer(campaign, invite.userId(), "their code brings no invitee");
        Instant now = clock.instant();
        if (!campaign.isOpenAt(now)) {
            throw new LaxinException(
                    InviteErrorCode.CAMPAIGN_NOT_ACTIVE,
                    "Campaign " + campaign.id()
                            + " is not running now (" + campaign.status() + ", " + campaign.startsAt() + " to "
                            + campaign.endsAt() + "); the registration is not attributed");
        }
        Instant registeredAt = c.registeredAt() == null ? now : c.registeredAt();

        ReferralStatus status;
        List<String> reasons;
        String screeningId = null;
        RiskScreening.Request unscreened = null;
        Optional<String> refusal = AttributionRules.refusal(new AttributionRules.Facts(
                invite.userId(),
                c.inviteeUserId(),
                identities.owners(reported.identifiers()),
                referrals.chainAbove(campaign.id(), invite.userId(), MAX_CHAIN),
                identities.knownSince(c.inviteeUserId()),
                campaign.startsAt(),
                source.touchedAt(),
                registeredAt,
                campaign.attributionWindow()));
        if (refusal.isPresent()) {
            status = ReferralStatus.REJECTED;
            reasons = List.of(refusal.get());
        } else {
            RiskScreening.Request request = new RiskScreening.Request(
                    campaign.id(),
                    invite.userId(),
                    c.inviteeUserId(),
                    reported.byKind(),
                    identities.identifiersOf(invite.userId()),
                    reported.phonePrefix(),
                    c.ip(),
                    c.userAgent(),
                    source.touchedAt(),
                    registeredAt,
                    c.emulator(),
                    c.rooted(),
                    contestedBy(campaign, reportedCode, invite));
            RiskScreening.Result risk = screening.screen(request);
            status = AttributionRules.statusFor(risk.verdict());
            reasons = risk.reasons();
            screeningId = risk.screeningId();
            if (!risk.screened()) {
                unscreened = request;
            }
        }
        Referral candidate = new Referral(
                null,
                campaign.id(),
                invite.userId(),
                c.inviteeUserId(),
                invite.code(),
                source.channel(),
                status,
                reasons,
                screeningId,
                campaign.policyVersion(),
                deviceId,
                c.ip(),
                registeredAt,
                now);

        RiskScreening.Request owed = unscreened;
        Outcome outcome = tx.execute(s -> referrals
                .tryAdd(candidate)
                .map(stored -> {
                    if (owed != null) {
                        // held for review with no screening: keep the request until antifraud-service answers it
                        held.hold(stored.id(), owed, now);
                    }
                    events.published(stored);
                    if (stored.status() == ReferralStatus.ATTRIBUTED) {
                        AfterCommit.run(() -> outcomes.attributed(
                                campaign.id(), stored.id(), stored.referrerUserId(), stored.decidedAt()));
                    }
                    identities.markKnown(c.inviteeUserId(), registeredAt, reported.maskedPhone());
                    identities.link(c.inviteeUserId(), reported.identifiers(), registeredAt);
                    Outcome answer = new Outcome(stored, true);
                    if (key != null) {
                        idempotency.record(key, answer);
                    }
                    return answer;
                })
                .orElse(null));
        if (outcome != null) {
            return outcome;
        }
        // a concurrent report of the same registration won the unique key: answer with its outcome — the recorded
        // first answer when it was a retry of this very request (same idempotency key)
        if (key != null) {
            Optional<Outcome> recorded = idempotency.earlier(key, Outcome.class);
            if (recorded.isPresent()) {
                return recorded.get();
            }
        }
        return replay(referrals.findByInvitee(campaign.id(), c.inviteeUserId()).orElseThrow(), invite);
    }

    /**
     * The owner of the reported code when a touch bound the invitee to someone else (FIRST_TOUCH / LAST_TOUCH), else
     * null: two referrers claim one friend. A code of the same referrer, or one not of this campaign, contests nothing.
     */
    private String contestedBy(Campaign campaign, String reportedCode, InviteCode bound) {
        if (campaign.bindingMode() == BindingMode.CODE_AT_REGISTRATION
                || reportedCode == null
                || reportedCode.equals(bound.code())) {
            return null;
        }
        return codes.findByCode(reportedCode)
                .filter(i -> i.campaignId() == campaign.id() && !i.revoked())
                .map(InviteCode::userId)
                .filter(owner -> !owner.equals(bound.userId()))
                .orElse(null);
    }

    /** Side effects outside the database (Redis) happen once the binding is committed, never for a rollback. */
    private static Outcome replay(Referral existing, InviteCode invite) {
        if (!existing.referrerUserId().equals(invite.userId())) {
            throw new LaxinException(
                    InviteErrorCode.INVITEE_ALREADY_BOUND,
                    "Invitee " + existing.inviteeUserId() + " is already bound in campaign " + existing.campaignId()
                            + " (referral " + existing.id() + ")");
        }
        return new Outcome(existing, false);
    }
}
