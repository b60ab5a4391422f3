package io.laxin.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole suite for one test class of front-end tests (console, H5 page, SDK), with the local run's demo sign-in:
 * started before the class on real MySQL, Redis and the in-process broker, closed after it. Each class gets a suite of
 * its own, so one's data (the dashboard's "today" counts, say) never shows in another's.
 */
abstract class AgainstTheSuite {

    protected static TestSuite fixture;

    @BeforeAll
    static void startTheSuite() throws Exception {
        fixture = TestSuite.withDemoLogin();
    }

    @AfterAll
    static void stopTheSuite() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }
}
