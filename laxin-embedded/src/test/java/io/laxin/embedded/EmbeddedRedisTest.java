package io.laxin.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's Redis keeps its data across a restart; the tests' throwaway one does not. */
class EmbeddedRedisTest {

    @Test
    void shouldKeepDataAcrossARestartWhenAskedTo(@TempDir Path dir) throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.startKeepingData(dir, 0)) {
            assertThat(command(redis.port(), "SET", "touch:dev-1", "AB3K9XYZ")).isEqualTo("+OK");
        }
        try (EmbeddedRedis again = EmbeddedRedis.startKeepingData(dir, 0)) {
            assertThat(command(again.port(), "GET", "touch:dev-1")).isEqualTo("AB3K9XYZ");
        }
    }

    @Test
    void shouldStartEmptyEachTimeByDefault(@TempDir Path dir) throws IOException {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0)) {
            command(redis.port(), "SET", "k", "v");
        }
        try (EmbeddedRedis again = EmbeddedRedis.start(dir, 0)) {
            assertThat(command(again.port(), "GET", "k")).isEqualTo("(nil)");
        }
    }

    /** One RESP command; answers a simple string as "+OK", a bulk string as its text, a null bulk as "(nil)". */
    private static String command(int port, String... args) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            StringBuilder out = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                out.append('$')
                        .append(a.getBytes(StandardCharsets.UTF_8).length)
                        .append("\r\n")
                        .append(a)
                        .append("\r\n");
            }
            OutputStream os = s.getOutputStream();
            os.write(out.toString().getBytes(StandardCharsets.UTF_8));
            os.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (first.startsWith("$-1")) {
                return "(nil)";
            }
            return first.startsWith("$") ? in.readLine() : first;
        }
    }
}
