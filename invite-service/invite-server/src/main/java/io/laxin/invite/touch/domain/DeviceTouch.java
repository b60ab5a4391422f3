package io.laxin.invite.touch.domain;

import java.time.Instant;

/** A share link a device opened: the code, when, and through which channel. */
public record DeviceTouch(String code, Instant touchedAt, String channel) {}
