package io.laxin.invite.code.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Invite codes: 8 characters drawn at random from an alphabet without look-alikes (no 0/O, 1/I/L), so they are short,
 * unguessable (31^8 ≈ 8.5·10^11) and not derivable from user ids. Approved vanity codes are 4–16 letters A–Z and
 * digits ({@link VanityCode}), so accepted input is 4–16 letters and digits, any case; the canonical form is upper
 * case (which is also what the unique key holds, making codes unique whatever their case).
 */
public final class CodeFormat {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{4,16}");

    private CodeFormat() {}

    public static String generate(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The canonical (upper-case) code, or empty when the input cannot be a code. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String upper = input.trim().toUpperCase(Locale.ROOT);
        return VALID.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }
}
