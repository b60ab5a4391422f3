package io.laxin.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a front end's browser tests ({@code node --test}, Debian chromium through playwright-core) against a running
 * suite: passes the suite's address and secrets in the environment, prints Node's report, and fails when a step fails
 * or the run does not end within ten minutes. Screenshots go to {@code standalone/target/<shots>/}.
 */
final class BrowserTests {

    private BrowserTests() {}

    /**
     * @param module the front end's folder next to standalone/ ({@code console}, {@code h5})
     * @param script its test file, relative to the module
     * @param shots  the folder under target/ for screenshots and the report
     * @return the screenshots folder
     */
    static Path run(TestSuite fixture, String module, String script, String shots) throws Exception {
        Path dir = Path.of("..", module).toAbsolutePath().normalize();
        assertThat(dir.resolve("node_modules/playwright-core"))
                .as(module + "/ built by the reactor (npm ci)")
                .isDirectory();
        return node(fixture, module, script, shots);
    }

    /**
     * Runs {@code node --test} on a module's test file against the suite, without a browser (the SDK's integration
     * test uses this too).
     *
     * @param out the folder under target/ for the report (and screenshots, if the tests take any)
     * @return that folder
     */
    static Path node(TestSuite fixture, String module, String script, String out) throws Exception {
        Path dir = Path.of("..", module).toAbsolutePath().normalize();
        Path folder = Path.of("target", out).toAbsolutePath();
        Files.createDirectories(folder);
        Path log = folder.resolve("node-test.log");
        ProcessBuilder node = new ProcessBuilder(
                        List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", script))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = node.environment();
        env.put("LAXIN_E2E_GATEWAY", fixture.gatewayUrl());
        env.put("LAXIN_E2E_JWT_SECRET", fixture.jwtSecret);
        env.put("LAXIN_E2E_HOST_KEY_ID", TestSuite.HOST_KEY_ID);
        env.put("LAXIN_E2E_HOST_SECRET", fixture.hostSecret);
        env.put("LAXIN_E2E_SHOTS", folder.toString());
        Process p = node.start();
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String report = Files.readString(log);
        System.out.println(report);
        assertThat(ended)
                .as("the node tests of %s ended within 10 minutes", module)
                .isTrue();
        assertThat(p.exitValue())
                .as("node --test exit code; its report:%n%s", report)
                .isZero();
        return folder;
    }
}
