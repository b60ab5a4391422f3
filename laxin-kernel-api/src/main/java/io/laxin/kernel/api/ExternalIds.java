package io.laxin.kernel.api;

import java.util.regex.Pattern;

/**
 * The ids the brand's systems hand the suite — user, order and refund ids — and the device ids its apps send: plain
 * tokens, so that no quote, angle bracket, space, control or bidirectional character ever reaches a table, a log
 * line, a CSV cell or a page. A user / order / refund id is 1–64 of {@code A–Z a–z 0–9 _ . : @ + -}, starting with a
 * letter or digit (openids, UUIDs, e-mail-like and phone-like ids all fit); a device id is 1–128 printable ASCII
 * characters without spaces.
 */
public final class ExternalIds {

    public static final String ID_PATTERN = "[A-Za-z0-9+][A-Za-z0-9_.:@+-]{0,63}";
    public static final String DEVICE_PATTERN = "[\\x21-\\x7E]{1,128}";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern DEVICE = Pattern.compile(DEVICE_PATTERN);

    private ExternalIds() {}

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    public static boolean isDeviceId(String s) {
        return s != null && DEVICE.matcher(s).matches();
    }
}
