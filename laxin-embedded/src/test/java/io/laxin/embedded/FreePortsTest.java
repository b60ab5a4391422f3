package io.laxin.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports handed out for a later bind are outside the ephemeral range, bindable, and never handed out twice. */
class FreePortsTest {

    @Test
    void shouldHandOutDistinctBindablePortsBelowTheEphemeralRange() throws IOException {
        int low = FreePorts.ephemeralLow();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            assertThat(port).isBetween(10_000, low - 1);
            assertThat(seen.add(port)).as("handed out twice: %d", port).isTrue();
        }
        int broker = FreePorts.pickWithVipChannel();
        assertThat(seen).doesNotContain(broker, broker - 2);
        try (ServerSocket main = new ServerSocket(broker, 1, InetAddress.getLoopbackAddress());
                ServerSocket vip = new ServerSocket(broker - 2, 1, InetAddress.getLoopbackAddress())) {
            assertThat(main.getLocalPort()).isEqualTo(broker);
            assertThat(vip.getLocalPort()).isEqualTo(broker - 2);
        }
    }
}
