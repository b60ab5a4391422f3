package io.laxin.invite.code.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a vanity code may be: 4–16 letters A–Z and digits with at least one letter (so it reads as a name, and never
 * looks like a phone or an order number), compared in upper case. Look-alike characters (0/O, 1/I/L) are allowed —
 * people choose names like LILY2027 — since an operator reviews each one. Reserved: words that would pass for the
 * brand or staff, exactly or as a part.
 */
public final class VanityCode {

    public enum Problem {
        INVALID,
        RESERVED
    }

    private static final Pattern VALID = Pattern.compile("(?=.*[A-Z])[A-Z0-9]{4,16}");
    private static final Set<String> RESERVED = Set.of(
            "ROOT",
            "TEST",
            "NULL",
            "NONE",
            "UNDEFINED",
            "SYSTEM",
            "STAFF",
            "HELP",
            "SERVICE",
            "WECHAT",
            "WEIXIN",
            "ALIPAY",
            "REFUND",
            "FREE",
            "VOID");
    private static final Set<String> RESERVED_PARTS = Set.of("ADMIN", "LAXIN", "OFFICIAL", "SUPPORT", "KEFU");

    private VanityCode() {}

    public static String canonical(String input) {
        return input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with this (canonical) code, if anything. */
    public static Optional<Problem> problemWith(String code) {
        if (!VALID.matcher(code).matches()) {
            return Optional.of(Problem.INVALID);
        }
        if (RESERVED.contains(code) || RESERVED_PARTS.stream().anyMatch(code::contains)) {
            return Optional.of(Problem.RESERVED);
        }
        return Optional.empty();
    }
}
