package io.laxin.antifraud.screening.domain;

/** Small IPv4 helpers: parse, /24 and CIDR membership. IPv6 addresses are compared as plain strings elsewhere. */
public final class Ipv4 {

    private Ipv4() {}

    /** The address as an unsigned 32-bit number, or -1 when it is not a dotted IPv4 address. */
    public static long parse(String ip) {
        if (ip == null) {
            return -1;
        }
        String[] parts = ip.trim().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String subnet24(String ip) {
        long v = parse(ip);
        if (v < 0) {
            return null;
        }
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + ".0/24";
    }

    /** Whether {@code cidr} (a.b.c.d/n, or a plain address) is valid IPv4. */
    public static boolean isCidr(String cidr) {
        if (cidr == null) {
            return false;
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return parse(cidr) >= 0;
        }
        String bits = cidr.substring(slash + 1);
        if (bits.isEmpty()
                || bits.length() > 2
                || !bits.chars().allMatch(Character::isDigit)
                || Integer.parseInt(bits) > 32) {
            return false;
        }
        return parse(cidr.substring(0, slash)) >= 0;
    }

    public static boolean contains(String cidr, String ip) {
        long address = parse(ip);
        if (address < 0 || !isCidr(cidr)) {
            return false;
        }
        int slash = cidr.indexOf('/');
        long network = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address & mask) == (network & mask);
    }
}
