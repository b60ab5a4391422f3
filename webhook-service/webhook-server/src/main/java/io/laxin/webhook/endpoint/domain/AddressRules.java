package io.laxin.webhook.endpoint.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: only public unicast ones. A brand-controlled URL must not reach into our
 * own network (SSRF): private, loopback, link-local (cloud metadata at 169.254.169.254), multicast, unspecified,
 * CGNAT, reserved ranges, and the IPv6 forms that embed one of those IPv4 addresses (IPv4-mapped, IPv4-compatible,
 * NAT64, 6to4) are refused.
 */
public final class AddressRules {

    private AddressRules() {}

    /** Why this address is refused, or empty when it is a public unicast address. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return refusalV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return refusalV4(embedded).map(r -> r + " (IPv4 inside IPv6)");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback address");
        }
        if (address.isLinkLocalAddress() || (b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0x80)) {
            return Optional.of("link-local address");
        }
        if (address.isMulticastAddress() || b[0] == (byte) 0xff) {
            return Optional.of("multicast address");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private address (unique local fc00::/7)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private address (site-local fec0::/10)");
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
            return Optional.of("reserved address (documentation 2001:db8::/32)");
        }
        return Optional.empty();
    }

    /** Refused when any of the addresses a host resolves to is refused (a host may answer with several). */
    public static Optional<String> refusal(InetAddress[] addresses) {
        return Arrays.stream(addresses)
                .flatMap(a -> refusal(a).map(r -> a.getHostAddress() + " is a " + r).stream())
                .findFirst();
    }

    private static Optional<String> refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified address (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback address");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("shared address (CGNAT 100.64.0.0/10)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast address");
        }
        if (a0 >= 240) {
            return Optional.of("reserved address (240.0.0.0/4, broadcast)");
        }
        if ((a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
            return Optional.of("reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static byte[] embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            return Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
        }
        if (firstTenZero
                && b[10] == 0
                && b[11] == 0
                && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            return Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (deprecated IPv4-compatible), not :: or ::1
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            boolean zero = true;
            for (int i = 4; i < 12; i++) {
                zero &= b[i] == 0;
            }
            if (zero) {
                return Arrays.copyOfRange(b, 12, 16); // 64:ff9b::a.b.c.d
            }
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6); // 2002:aabb:ccdd::
        }
        return null;
    }

    /** Resolves a host name to its addresses (the JDK resolver in production; a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
