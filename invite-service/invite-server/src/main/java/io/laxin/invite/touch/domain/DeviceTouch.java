package io.laxin.invite.touch.domain;

import java.time.Instant;

/** A share link a device opened: the code and when. */
public record DeviceTouch(String code, Instant touchedAt) {
}
