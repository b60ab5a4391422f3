package io.laxin.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a server that is told its port now and binds it later (an app whose siblings must know its port before it
 * starts, a broker, a private database). {@code new ServerSocket(0)} would hand out a port from the kernel's
 * ephemeral range, which every outgoing connection on the machine also draws its local port from: in the seconds
 * before the server binds, a JDBC, Redis or HTTP client may take it, and the server fails with "address already in
 * use" (it did, in CI). These ports come from below that range instead, at random, checked free by binding them, and
 * never handed out twice by this JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port free now on the loopback address, outside the ephemeral range. */
    public static int pick() {
        int below = ephemeralLow();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && free(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + LOWEST + " and " + below));
    }

    /** A free port p whose p - 2 is free too: RocketMQ's broker opens its VIP channel there. */
    public static int pickWithVipChannel() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = pick();
            if (!HANDED_OUT.contains(port - 2) && free(port - 2) && HANDED_OUT.add(port - 2)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free port pair for the broker"));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The lower end of the kernel's ephemeral range (Linux: ip_local_port_range; elsewhere the common 32768). */
    static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1_000 ? low : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }
}
