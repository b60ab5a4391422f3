package io.laxin.antifraud.screening.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that screen a registration and the thresholds that turn their weighted findings into a verdict. Every
 * finding says what was seen and the threshold it was compared with. A whitelist entry switches off the rules about
 * the identifier it names (never self-referral or the blacklist).
 */
public final class ScreeningPolicy {

    /** Kept for callers of the foundation rule set. */
    public static final String SELF_REFERRAL = RuleId.SELF_REFERRAL.name();
    /**
     * Not a rule operators tune: invite-service bound the invitee to one referrer's touch while the host reported
     * another referrer's code (ADR 0005). Two people claim one friend, so a person decides — at least REVIEW, whatever
     * the score; its weight is 0 so it never makes a REJECT by itself.
     */
    public static final String CONTESTED_ATTRIBUTION = "CONTESTED_ATTRIBUTION";

    private static final int MAX_SCORE = 100;

    private final RuleBook book;

    public ScreeningPolicy(RuleBook book) {
        this.book = book;
    }

    public static ScreeningPolicy defaults() {
        return new ScreeningPolicy(RuleBook.defaults(0));
    }

    public Assessment assess(RegistrationFacts facts) {
        return assess(
                facts,
                Velocity.none(),
                ListBook.empty(),
                facts.registeredAt() == null ? Instant.EPOCH : facts.registeredAt());
    }

    public Assessment assess(RegistrationFacts f, Velocity v, ListBook lists, Instant now) {
        List<Assessment.Finding> findings = new ArrayList<>();
        Set<RuleId> suppressed = whitelisted(f, lists, now, findings);

        if (on(RuleId.BLACKLIST)) {
            List<String> hits = lists.blacklisted(f, now);
            if (!hits.isEmpty()) {
                add(findings, RuleId.BLACKLIST, "Blacklisted: " + String.join("; ", hits), null, null);
            }
        }
        if (on(RuleId.SELF_REFERRAL)) {
            selfReferral(f).ifPresent(d -> add(findings, RuleId.SELF_REFERRAL, d, null, null));
        }
        above(
                findings,
                suppressed,
                RuleId.DEVICE_REUSE,
                v.deviceInviteesToday(),
                "invitees on device " + f.inviteeDeviceId() + " today in this campaign");
        above(
                findings,
                suppressed,
                RuleId.IP_VELOCITY,
                v.ipRegistrationsHour(),
                "registrations from IP " + f.ip() + " this hour");
        above(
                findings,
                suppressed,
                RuleId.SUBNET_VELOCITY,
                v.subnetRegistrationsHour(),
                "registrations from subnet " + f.subnet24() + " this hour");
        above(
                findings,
                suppressed,
                RuleId.REFERRER_BURST_HOUR,
                v.referrerInviteesHour(),
                "invitees of " + f.referrerUserId() + " this hour");
        above(
                findings,
                suppressed,
                RuleId.REFERRER_BURST_DAY,
                v.referrerInviteesDay(),
                "invitees of " + f.referrerUserId() + " today");
        above(
                findings,
                suppressed,
                RuleId.UNIONID_MANY_OPENIDS,
                v.unionidOpenids(),
                "openids seen with unionid " + f.inviteeUnionid());
        tooFast(f, suppressed, findings);
        virtualCarrier(f, suppressed, findings);
        if (active(RuleId.PHONE_MOVED, suppressed)
                && v.phonePreviousOwner() != null
                && !v.phonePreviousOwner().isBlank()
                && !v.phonePreviousOwner().equals(f.inviteeUserId())) {
            add(
                    findings,
                    RuleId.PHONE_MOVED,
                    "The invitee's phone hash belonged to account " + v.phonePreviousOwner() + " before",
                    v.phonePreviousOwner(),
                    null);
        }
        openidFresh(f, v, suppressed, findings);
        if (active(RuleId.EMULATOR, suppressed) && f.emulator()) {
            add(findings, RuleId.EMULATOR, "The client reports an emulator", "true", null);
        }
        if (active(RuleId.ROOTED, suppressed) && f.rooted()) {
            add(findings, RuleId.ROOTED, "The client reports a rooted device", "true", null);
        }
        boolean contested = RegistrationFacts.known(f.contestedByUserId());
        if (contested) {
            findings.add(new Assessment.Finding(
                    CONTESTED_ATTRIBUTION,
                    "The invitee's device opened "
                            + f.referrerUserId() + "'s share link, but the registration came with the code of "
                            + f.contestedByUserId(),
                    0,
                    f.contestedByUserId(),
                    null));
        }
        int score = Math.min(
                MAX_SCORE,
                findings.stream().mapToInt(Assessment.Finding::weight).sum());
        Assessment.Verdict verdict = book.thresholds().verdictFor(score);
        if (contested && verdict == Assessment.Verdict.PASS) {
            verdict = Assessment.Verdict.REVIEW;
        }
        return new Assessment(verdict, score, List.copyOf(findings));
    }

    private boolean on(RuleId id) {
        return book.setting(id).enabled();
    }

    private boolean active(RuleId id, Set<RuleId> suppressed) {
        return on(id) && !suppressed.contains(id);
    }

    private void add(List<Assessment.Finding> findings, RuleId id, String detail, String observed, String threshold) {
        findings.add(new Assessment.Finding(id.name(), detail, book.setting(id).weight(), observed, threshold));
    }

    private void above(List<Assessment.Finding> findings, Set<RuleId> suppressed, RuleId id, long count, String what) {
        long threshold = book.setting(id).threshold();
        if (active(id, suppressed) && count > threshold) {
            add(
                    findings,
                    id,
                    count + " " + what + " (more than " + threshold + ")",
                    Long.toString(count),
                    "> " + threshold);
        }
    }

    private Set<RuleId> whitelisted(RegistrationFacts f, ListBook lists, Instant now, List<Assessment.Finding> out) {
        Set<RuleId> off = EnumSet.noneOf(RuleId.class);
        if (!on(RuleId.WHITELIST)) {
            return off;
        }
        List<String> hits = new ArrayList<>();
        if (lists.find(RiskList.Kind.WHITE, RiskList.SubjectType.USER, f.inviteeUserId(), now)
                .isPresent()) {
            off.addAll(EnumSet.complementOf(EnumSet.of(
                    RuleId.SELF_REFERRAL, RuleId.BLACKLIST, RuleId.WHITELIST, RuleId.SINGLE_ORDER_INVITEES)));
            hits.add("invitee user " + f.inviteeUserId());
        }
        if (lists.find(RiskList.Kind.WHITE, RiskList.SubjectType.USER, f.referrerUserId(), now)
                .isPresent()) {
            off.addAll(EnumSet.of(RuleId.REFERRER_BURST_HOUR, RuleId.REFERRER_BURST_DAY));
            hits.add("referrer user " + f.referrerUserId());
        }
        if (lists.find(RiskList.Kind.WHITE, RiskList.SubjectType.DEVICE, f.inviteeDeviceId(), now)
                .isPresent()) {
            off.addAll(EnumSet.of(RuleId.DEVICE_REUSE, RuleId.EMULATOR, RuleId.ROOTED));
            hits.add("device " + f.inviteeDeviceId());
        }
        if (lists.find(RiskList.Kind.WHITE, RiskList.SubjectType.IP, f.ip(), now)
                .isPresent()) {
            off.addAll(EnumSet.of(RuleId.IP_VELOCITY, RuleId.SUBNET_VELOCITY));
            hits.add("IP " + f.ip());
        }
        if (lists.find(RiskList.Kind.WHITE, RiskList.SubjectType.PHONE_HASH, f.inviteePhoneHash(), now)
                .isPresent()) {
            off.addAll(EnumSet.of(RuleId.PHONE_MOVED, RuleId.VIRTUAL_CARRIER));
            hits.add("phone " + f.inviteePhoneHash());
        }
        if (!hits.isEmpty()) {
            out.add(new Assessment.Finding(
                    RuleId.WHITELIST.name(),
                    "Whitelisted: " + String.join("; ", hits) + "; rules not applied: " + off,
                    book.setting(RuleId.WHITELIST).weight(),
                    null,
                    null));
        }
        return off;
    }

    private void tooFast(RegistrationFacts f, Set<RuleId> suppressed, List<Assessment.Finding> findings) {
        if (!active(RuleId.TOO_FAST, suppressed) || f.touchedAt() == null || f.registeredAt() == null) {
            return;
        }
        long seconds = Duration.between(f.touchedAt(), f.registeredAt()).toSeconds();
        long threshold = book.setting(RuleId.TOO_FAST).threshold();
        if (seconds >= 0 && seconds < threshold) {
            add(
                    findings,
                    RuleId.TOO_FAST,
                    "Registered " + seconds + " s after opening the link (less than " + threshold + " s)",
                    seconds + "s",
                    "< " + threshold + "s");
        }
    }

    private void virtualCarrier(RegistrationFacts f, Set<RuleId> suppressed, List<Assessment.Finding> findings) {
        String prefix = f.inviteePhonePrefix();
        RuleSetting s = book.setting(RuleId.VIRTUAL_CARRIER);
        if (active(RuleId.VIRTUAL_CARRIER, suppressed)
                && prefix != null
                && s.paramList().contains(prefix)) {
            add(
                    findings,
                    RuleId.VIRTUAL_CARRIER,
                    "Phone prefix " + prefix + " is a virtual-carrier range",
                    prefix,
                    s.params());
        }
    }

    private void openidFresh(
            RegistrationFacts f, Velocity v, Set<RuleId> suppressed, List<Assessment.Finding> findings) {
        if (!active(RuleId.OPENID_FRESH, suppressed) || f.registeredAt() == null) {
            return;
        }
        Instant first = earliest(v.openidFirstSeen(), f.inviteeOpenidFirstSeenAt());
        if (first == null) {
            return;
        }
        long seconds = Duration.between(first, f.registeredAt()).toSeconds();
        long threshold = book.setting(RuleId.OPENID_FRESH).threshold();
        if (seconds >= 0 && seconds < threshold) {
            add(
                    findings,
                    RuleId.OPENID_FRESH,
                    "The openid was first seen " + seconds + " s before registering (less than " + threshold + " s)",
                    seconds + "s",
                    "< " + threshold + "s");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static java.util.Optional<String> selfReferral(RegistrationFacts f) {
        if (Objects.equals(f.referrerUserId(), f.inviteeUserId())) {
            return java.util.Optional.of("The invitee is the referrer (same user id)");
        }
        if (sameKnown(f.referrerDeviceId(), f.inviteeDeviceId())) {
            return java.util.Optional.of("Referrer and invitee share a device");
        }
        if (sameKnown(f.referrerPhoneHash(), f.inviteePhoneHash())) {
            return java.util.Optional.of("Referrer and invitee share a phone number");
        }
        if (sameKnown(f.referrerUnionid(), f.inviteeUnionid())) {
            return java.util.Optional.of("Referrer and invitee share a WeChat unionid");
        }
        if (sameKnown(f.referrerOpenid(), f.inviteeOpenid())) {
            return java.util.Optional.of("Referrer and invitee share a WeChat openid");
        }
        return java.util.Optional.empty();
    }

    private static boolean sameKnown(String a, String b) {
        return RegistrationFacts.known(a) && a.equals(b);
    }
}
