package io.laxin.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console's browser tests ({@code console/tests/e2e}, Node's test runner driving Debian chromium through
 * playwright-core) against the whole suite, started here on real MySQL, Redis and the in-process broker with the
 * local run's demo sign-in. Node's own report is printed; any failed step, or any browser console error, fails this
 * test. Screenshots of each page land in {@code standalone/target/console-e2e/}.
 */
class ConsoleE2EIT {

    private static final Path CONSOLE = Path.of("..", "console").toAbsolutePath().normalize();
    private static TestSuite fixture;

    @BeforeAll
    static void startTheSuite() throws Exception {
        fixture = TestSuite.withDemoLogin();
    }

    @AfterAll
    static void stopTheSuite() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldPassEveryBrowserTestOfTheConsole() throws Exception {
        assertThat(CONSOLE.resolve("node_modules/playwright-core")).as("console/ built by the reactor (npm ci)")
                .isDirectory();
        Path shots = Path.of("target", "console-e2e").toAbsolutePath();
        Files.createDirectories(shots);
        Path log = shots.resolve("node-test.log");
        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-concurrency=1",
                "--test-reporter=spec", "tests/e2e/console.e2e.mjs"))
                .directory(CONSOLE.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = node.environment();
        env.put("LAXIN_E2E_GATEWAY", fixture.gatewayUrl());
        env.put("LAXIN_E2E_JWT_SECRET", fixture.jwtSecret);
        env.put("LAXIN_E2E_HOST_KEY_ID", TestSuite.HOST_KEY_ID);
        env.put("LAXIN_E2E_HOST_SECRET", fixture.hostSecret);
        env.put("LAXIN_E2E_SHOTS", shots.toString());
        Process p = node.start();
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String report = Files.readString(log);
        System.out.println(report);
        assertThat(ended).as("the browser tests ended within 10 minutes").isTrue();
        assertThat(p.exitValue()).as("node --test exit code; its report:%n%s", report).isZero();
        assertThat(new File(shots.toFile(), "04-campaign-detail.png")).exists();
    }
}
