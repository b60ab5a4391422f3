package io.laxin.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The H5 invite page's browser tests ({@code h5/tests/e2e}, Node's test runner driving Debian chromium through
 * playwright-core as a phone in WeChat) against the whole suite, started here on real MySQL, Redis and the in-process
 * broker, with the local run's demo sign-in. Node's own report is printed; any failed step, or any browser console
 * error, fails this test. Screenshots of each page land in {@code standalone/target/h5-e2e/}.
 */
class H5E2EIT extends AgainstTheSuite {

    @Test
    void shouldPassEveryBrowserTestOfTheH5Page() throws Exception {
        Path shots = BrowserTests.run(fixture, "h5", "tests/e2e/h5.e2e.mjs", "h5-e2e");
        assertThat(shots.resolve("01-invite-card.png")).exists();
        assertThat(shots.resolve("09-landing.png")).exists();
    }
}
