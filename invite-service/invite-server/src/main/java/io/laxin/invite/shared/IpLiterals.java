package io.laxin.invite.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether a string a host reported is an IP address written as one (dotted IPv4, or IPv6 with colons), never a
 * hostname: it is checked by its characters first, so nothing here ever asks DNS.
 */
public final class IpLiterals {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {}

    public static boolean valid(String s) {
        if (s == null) {
            return false;
        }
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        try {
            // a bracketed literal of only hex digits, colons and dots is parsed, not looked up (an IPv4-mapped
            // one, ::ffff:a.b.c.d, comes back as the IPv4 address it maps)
            return InetAddress.getByName("[" + s + "]") != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
