package io.laxin.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mini-program / H5 SDK's integration test ({@code sdk/tests/integration}, Node's test runner driving the built
 * {@code @laxin/sdk} over its fetch transport) against the whole suite, started here on real MySQL, Redis and the
 * in-process broker: a scripted mini-program scan counts in the funnel as a poster touch, the registration from the
 * same device is attributed to the scanned code's owner, every SDK call answers, and the SDK's generated wire types
 * equal what the running suite's OpenAPI documents say. Node's own report is printed; any failed step fails this
 * test. {@code LAXIN_SDK_WRITE_OPENAPI=1} in the environment rewrites {@code sdk/src/generated} instead of failing.
 */
class SdkIT {

    private static final Path SDK = Path.of("..", "sdk").toAbsolutePath().normalize();
    private static TestSuite fixture;

    @BeforeAll
    static void startTheSuite() throws Exception {
        fixture = TestSuite.start();
    }

    @AfterAll
    static void stopTheSuite() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldPassEveryIntegrationTestOfTheSdk() throws Exception {
        assertThat(SDK.resolve("dist/index.js")).as("sdk/ built by the reactor (npm run build)").isRegularFile();
        Path out = Path.of("target", "sdk-it").toAbsolutePath();
        Files.createDirectories(out);
        Path log = out.resolve("node-test.log");
        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-concurrency=1",
                "--test-reporter=spec", "tests/integration/sdk.it.mjs"))
                .directory(SDK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = node.environment();
        env.put("LAXIN_E2E_GATEWAY", fixture.gatewayUrl());
        env.put("LAXIN_E2E_JWT_SECRET", fixture.jwtSecret);
        env.put("LAXIN_E2E_HOST_KEY_ID", TestSuite.HOST_KEY_ID);
        env.put("LAXIN_E2E_HOST_SECRET", fixture.hostSecret);
        Process p = node.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String report = Files.readString(log);
        System.out.println(report);
        assertThat(ended).as("the SDK's integration tests ended within 5 minutes").isTrue();
        assertThat(p.exitValue()).as("node --test exit code; its report:%n%s", report).isZero();
        assertThat(report).as("every integration test ran").contains("pass 4").contains("fail 0");
    }
}
