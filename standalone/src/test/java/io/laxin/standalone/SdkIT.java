package io.laxin.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The mini-program / H5 SDK's integration test ({@code sdk/tests/integration}, Node's test runner driving the built
 * {@code @laxin/sdk} over its fetch transport) against the whole suite, started here on real MySQL, Redis and the
 * in-process broker: a scripted mini-program scan counts in the funnel as a poster touch, the registration from the
 * same device is attributed to the scanned code's owner, every SDK call answers, and the SDK's generated wire types
 * equal what the running suite's OpenAPI documents say. Node's own report is printed; any failed step fails this
 * test. {@code LAXIN_SDK_WRITE_OPENAPI=1} in the environment rewrites {@code sdk/src/generated} (then fails on the
 * difference it wrote, so a rewrite is never silent).
 */
class SdkIT extends AgainstTheSuite {

    @Test
    void shouldPassEveryIntegrationTestOfTheSdk() throws Exception {
        assertThat(Path.of("..", "sdk", "dist", "index.js"))
                .as("sdk/ built by the reactor (npm run build)")
                .isRegularFile();
        Path out = BrowserTests.node(fixture, "sdk", "tests/integration/sdk.it.mjs", "sdk-it");
        String report = Files.readString(out.resolve("node-test.log"));
        assertThat(report).as("every integration test ran").contains("pass 4").contains("fail 0");
    }
}
