package io.laxin.invite.identity.application;

import java.time.Instant;

/** The host tells who one of its users is: identifiers and when they registered. */
public record ReportIdentityCommand(
        String userId, Instant registeredAt, String deviceId, String phone, String openid, String unionid) {}
