package io.laxin.invite.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A referral campaign: its lifecycle status, window, attribution window, landing page and the reward policy version
 * in force. While DRAFT everything may change; once launched only the name, the end, the landing (H5 URL and
 * mini-program page) and the reward policy may — and a policy change then makes a new version, so referrals decided earlier keep theirs.
 *
 * @param id                    null until stored
 * @param policyVersion         the version of {@code rewardPolicy}, 1 for a new campaign
 * @param attributionWindowDays how long after a touch a registration still counts for the referrer
 * @param legacyDeviceIds       whether touches under raw client device ids still attribute (ADR 0005: a migration
 *                              setting, on for campaigns from before device tokens, off for new ones)
 */
public record Campaign(
        Long id,
        String name,
        CampaignStatus status,
        Instant startsAt,
        Instant endsAt,
        int attributionWindowDays,
        BindingMode bindingMode,
        Landing landing,
        WhoMayRefer referrers,
        RewardPolicy rewardPolicy,
        int policyVersion,
        String createdBy,
        boolean legacyDeviceIds) {

    public Campaign {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A campaign needs a name");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        if (attributionWindowDays < 1 || attributionWindowDays > 365) {
            throw new IllegalArgumentException("attributionWindowDays must be within 1..365");
        }
        if (referrers == null) {
            referrers = WhoMayRefer.EVERYONE;
        }
        if (landing == null) {
            throw new IllegalArgumentException("A campaign needs a landingUrl and/or a miniProgramPage");
        }
    }

    /** A new campaign with policy version 1: ACTIVE at once, or a DRAFT to edit and activate later. */
    public static Campaign create(
            String name,
            Instant startsAt,
            Instant endsAt,
            int attributionWindowDays,
            BindingMode bindingMode,
            Landing landing,
            WhoMayRefer referrers,
            RewardPolicy policy,
            String createdBy,
            boolean draft) {
        return new Campaign(
                null,
                name,
                draft ? CampaignStatus.DRAFT : CampaignStatus.ACTIVE,
                startsAt,
                endsAt,
                attributionWindowDays,
                bindingMode == null ? BindingMode.FIRST_TOUCH : bindingMode,
                landing,
                referrers,
                policy,
                1,
                createdBy,
                false);
    }

    /** This campaign taking (or no longer taking) raw device ids for attribution; may change at any time. */
    public Campaign withLegacyDeviceIds(boolean legacy) {
        return new Campaign(
                id,
                name,
                status,
                startsAt,
                endsAt,
                attributionWindowDays,
                bindingMode,
                landing,
                referrers,
                rewardPolicy,
                policyVersion,
                createdBy,
                legacy);
    }

    /** Whether this user may refer here: everyone may, unless the campaign lets only designated users. */
    public boolean mayRefer(String userId, java.util.function.Predicate<String> designated) {
        return referrers == WhoMayRefer.EVERYONE || designated.test(userId);
    }

    public Duration attributionWindow() {
        return Duration.ofDays(attributionWindowDays);
    }

    /** Whether the campaign may still be edited at all: not once ENDED. */
    public boolean isEditable() {
        return status != CampaignStatus.ENDED;
    }

    /**
     * The fields the changes would alter although the campaign has been launched: start, attribution window and
     * binding mode are fixed once it left DRAFT (name, end, landing and reward policy may still change).
     */
    public List<String> lockedFieldsChangedBy(CampaignChanges ch) {
        List<String> locked = new ArrayList<>();
        if (status == CampaignStatus.DRAFT) {
            return locked;
        }
        if (changes(ch.startsAt(), startsAt)) {
            locked.add("startsAt");
        }
        if (changes(ch.attributionWindowDays(), attributionWindowDays)) {
            locked.add("attributionWindowDays");
        }
        if (changes(ch.bindingMode(), bindingMode)) {
            locked.add("bindingMode");
        }
        return locked;
    }

    private static boolean changes(Object proposed, Object current) {
        return proposed != null && !proposed.equals(current);
    }

    /**
     * This campaign with the changes applied (check {@link #lockedFieldsChangedBy} first). A different reward policy
     * replaces version 1 of a DRAFT, and makes version N+1 of a launched campaign.
     *
     * @throws IllegalArgumentException when the result is not a valid campaign
     */
    public Campaign revised(CampaignChanges ch) {
        RewardPolicy policy = ch.rewardPolicy() == null ? rewardPolicy : ch.rewardPolicy();
        boolean newVersion = status != CampaignStatus.DRAFT && !policy.equals(rewardPolicy);
        return new Campaign(
                id,
                Objects.requireNonNullElse(ch.name(), name),
                status,
                Objects.requireNonNullElse(ch.startsAt(), startsAt),
                Objects.requireNonNullElse(ch.endsAt(), endsAt),
                Objects.requireNonNullElse(ch.attributionWindowDays(), attributionWindowDays),
                Objects.requireNonNullElse(ch.bindingMode(), bindingMode),
                landing.revised(ch.landingUrl(), ch.miniProgramPage()),
                Objects.requireNonNullElse(ch.referrers(), referrers),
                policy,
                newVersion ? policyVersion + 1 : policyVersion,
                createdBy,
                Objects.requireNonNullElse(ch.legacyDeviceIds(), legacyDeviceIds));
    }

    /** This campaign in another status; the caller checks {@link CampaignStatus#canMoveTo} first. */
    public Campaign movedTo(CampaignStatus next) {
        return new Campaign(
                id,
                name,
                next,
                startsAt,
                endsAt,
                attributionWindowDays,
                bindingMode,
                landing,
                referrers,
                rewardPolicy,
                policyVersion,
                createdBy,
                legacyDeviceIds);
    }

    /** Whether codes may be issued and registrations attributed at this instant. */
    public boolean isOpenAt(Instant at) {
        return status == CampaignStatus.ACTIVE && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    public Campaign withId(long newId) {
        return new Campaign(
                newId,
                name,
                status,
                startsAt,
                endsAt,
                attributionWindowDays,
                bindingMode,
                landing,
                referrers,
                rewardPolicy,
                policyVersion,
                createdBy,
                legacyDeviceIds);
    }
}
