package io.laxin.antifraud.screening.domain;

import java.time.Instant;

/** One black- or whitelist entry: a user id, device id, IP / CIDR or phone hash, until it expires (or forever). */
public record RiskList(
        long id,
        Kind kind,
        SubjectType subjectType,
        String value,
        String reason,
        Instant expiresAt,
        String createdBy,
        Instant createdAt) {

    public enum Kind {
        BLACK,
        WHITE
    }

    public enum SubjectType {
        USER,
        DEVICE,
        IP,
        CIDR,
        PHONE_HASH
    }

    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public boolean matches(SubjectType type, String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return false;
        }
        if (subjectType == SubjectType.CIDR && type == SubjectType.IP) {
            return Ipv4.contains(value, candidate);
        }
        return subjectType == type && value.equals(candidate);
    }
}
