package io.laxin.webhook;

import io.laxin.testsupport.HouseRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheHouseLayering() {
        HouseRules.check("io.laxin.webhook");
    }
}
