package io.laxin.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web console's browser tests ({@code console/tests/e2e}, Node's test runner driving Debian chromium through
 * playwright-core) against the whole suite, started here on real MySQL, Redis and the in-process broker with the
 * local run's demo sign-in. Node's own report is printed; any failed step, or any browser console error, fails this
 * test. Screenshots of each page land in {@code standalone/target/console-e2e/}.
 */
class ConsoleE2EIT extends AgainstTheSuite {

    @Test
    void shouldPassEveryBrowserTestOfTheConsole() throws Exception {
        Path shots = BrowserTests.run(fixture, "console", "tests/e2e/console.e2e.mjs", "console-e2e");
        assertThat(shots.resolve("04-campaign-detail.png")).exists();
    }
}
