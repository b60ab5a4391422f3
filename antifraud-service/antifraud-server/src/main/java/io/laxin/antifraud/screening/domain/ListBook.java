package io.laxin.antifraud.screening.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A snapshot of the black- and whitelists, matched in memory on the hot path. */
public record ListBook(List<RiskList> entries) {

    public ListBook {
        entries = List.copyOf(entries);
    }

    public static ListBook empty() {
        return new ListBook(List.of());
    }

    public Optional<RiskList> find(RiskList.Kind kind, RiskList.SubjectType type, String candidate, Instant now) {
        return entries.stream()
                .filter(e -> e.kind() == kind && e.activeAt(now) && e.matches(type, candidate))
                .findFirst();
    }

    /** Every blacklist hit among both sides' identifiers, as "what (value)". */
    public List<String> blacklisted(RegistrationFacts f, Instant now) {
        List<String> hits = new ArrayList<>();
        check(hits, "invitee user", RiskList.SubjectType.USER, f.inviteeUserId(), now);
        check(hits, "referrer user", RiskList.SubjectType.USER, f.referrerUserId(), now);
        check(hits, "invitee device", RiskList.SubjectType.DEVICE, f.inviteeDeviceId(), now);
        check(hits, "referrer device", RiskList.SubjectType.DEVICE, f.referrerDeviceId(), now);
        check(hits, "IP", RiskList.SubjectType.IP, f.ip(), now);
        check(hits, "invitee phone", RiskList.SubjectType.PHONE_HASH, f.inviteePhoneHash(), now);
        check(hits, "referrer phone", RiskList.SubjectType.PHONE_HASH, f.referrerPhoneHash(), now);
        return hits;
    }

    private void check(List<String> hits, String what, RiskList.SubjectType type, String value, Instant now) {
        find(RiskList.Kind.BLACK, type, value, now)
                .ifPresent(e -> hits.add(what + " " + value + " (entry " + e.id()
                        + (e.reason() == null ? "" : ": " + e.reason()) + ")"));
    }
}
