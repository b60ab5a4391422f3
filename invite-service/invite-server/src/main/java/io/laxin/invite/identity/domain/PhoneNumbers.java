package io.laxin.invite.identity.domain;

import java.util.Optional;

/** Mainland China mobile numbers: normalised to 11 digits, shown masked (138****1234). */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    /** The 11-digit number, without +86 / 0086 / spaces / dashes; empty when it is not a mobile number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits.matches("1[3-9]\\d{9}") ? Optional.of(digits) : Optional.empty();
    }

    public static String mask(String normalised) {
        return normalised.substring(0, 3) + "****" + normalised.substring(7);
    }
}
