package io.laxin.invite.referral.domain;

import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.identity.domain.Identifier;
import io.laxin.invite.touch.domain.DeviceTouch;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The attribution rules invite-service enforces itself, before (and instead of) asking for risk screening. Each
 * refusal is a reason {@code RULE: what was seen}; the rule ids are stable.
 */
public final class AttributionRules {

    public static final String SELF_REFERRAL = "SELF_REFERRAL";
    public static final String BINDING_LOOP = "BINDING_LOOP";
    public static final String NOT_NEW = "NOT_NEW";
    public static final String DUPLICATE_ACCOUNT = "DUPLICATE_ACCOUNT";
    public static final String OUTSIDE_WINDOW = "OUTSIDE_WINDOW";
    /** The channel of a registration that came with a code but no touch. */
    public static final String CODE = "code";

    private AttributionRules() {}

    /**
     * Where the attribution comes from: a code, and the touch that carried it when there was one.
     *
     * @param channel the touch's channel, or {@code code} when the code was typed in or came without a touch
     */
    public record Source(String code, Instant touchedAt, String channel) {}

    /**
     * Chooses the code a registration is attributed to under the binding mode: the device's first or latest touch
     * within the window, or the code reported with the registration.
     */
    public static Optional<Source> choose(
            BindingMode mode, String reportedCode, Optional<DeviceTouch> first, Optional<DeviceTouch> last) {
        Optional<Source> reported = Optional.ofNullable(reportedCode)
                .map(c -> Stream.of(first, last)
                        .flatMap(Optional::stream)
                        .filter(t -> t.code().equals(c))
                        .min(Comparator.comparing(DeviceTouch::touchedAt))
                        .map(AttributionRules::viaTouch)
                        .orElse(new Source(c, null, CODE)));
        return switch (mode) {
            case CODE_AT_REGISTRATION -> reported;
            case FIRST_TOUCH -> first.map(AttributionRules::viaTouch).or(() -> reported);
            case LAST_TOUCH -> last.map(AttributionRules::viaTouch).or(() -> reported);
        };
    }

    private static Source viaTouch(DeviceTouch t) {
        return new Source(t.code(), t.touchedAt(), t.channel());
    }

    /**
     * What is known when a registration is decided.
     *
     * @param identifierOwners who first showed each of the invitee's identifiers (device, phone, WeChat ids)
     * @param referrerChain    the referrer's referrer, theirs, and so on up the chain in this campaign
     * @param inviteeKnownSince when the host first reported the invitee as registered, if it did
     * @param touchedAt        when the invitee's device opened the share link, if known
     */
    public record Facts(
            String referrerUserId,
            String inviteeUserId,
            Map<Identifier, String> identifierOwners,
            List<String> referrerChain,
            Optional<Instant> inviteeKnownSince,
            Instant campaignStartsAt,
            Instant touchedAt,
            Instant registeredAt,
            Duration attributionWindow) {}

    /** The reason to refuse, or empty when the registration may go on to screening. */
    public static Optional<String> refusal(Facts f) {
        if (f.referrerUserId().equals(f.inviteeUserId())) {
            return Optional.of(SELF_REFERRAL + ": the invitee registered with their own code");
        }
        for (Map.Entry<Identifier, String> owner : f.identifierOwners().entrySet()) {
            if (owner.getValue().equals(f.referrerUserId())) {
                return Optional.of(SELF_REFERRAL + ": the invitee's "
                        + owner.getKey().kind().name().toLowerCase() + " belongs to the referrer");
            }
        }
        if (f.referrerChain().contains(f.inviteeUserId())) {
            return Optional.of(BINDING_LOOP + ": the invitee is up the referrer's own chain ("
                    + (f.referrerChain().indexOf(f.inviteeUserId()) + 1) + " level(s) up)");
        }
        for (Map.Entry<Identifier, String> owner : f.identifierOwners().entrySet()) {
            if (!owner.getValue().equals(f.inviteeUserId())) {
                return Optional.of(DUPLICATE_ACCOUNT + ": the invitee's "
                        + owner.getKey().kind().name().toLowerCase() + " already belongs to another account");
            }
        }
        Instant registeredAt = f.registeredAt();
        Optional<Instant> known = f.inviteeKnownSince().filter(k -> k.isBefore(registeredAt));
        if (registeredAt.isBefore(f.campaignStartsAt())
                || known.filter(k -> k.isBefore(f.campaignStartsAt())).isPresent()) {
            return Optional.of(NOT_NEW + ": the invitee was registered before the campaign started");
        }
        if (f.touchedAt() != null) {
            if (registeredAt.isBefore(f.touchedAt())
                    || known.filter(k -> k.isBefore(f.touchedAt())).isPresent()) {
                return Optional.of(NOT_NEW + ": the invitee was registered before opening the share link");
            }
            if (registeredAt.isAfter(f.touchedAt().plus(f.attributionWindow()))) {
                return Optional.of(OUTSIDE_WINDOW + ": registered "
                        + Duration.between(f.touchedAt(), registeredAt).toHours() + " h after the touch; the window is "
                        + f.attributionWindow().toDays() + " days");
            }
        }
        return Optional.empty();
    }

    /** PASS attributes, REVIEW holds for an operator, REJECT refuses. */
    public static ReferralStatus statusFor(RiskScreening.Verdict verdict) {
        return switch (verdict) {
            case PASS -> ReferralStatus.ATTRIBUTED;
            case REVIEW -> ReferralStatus.PENDING_REVIEW;
            case REJECT -> ReferralStatus.REJECTED;
        };
    }
}
