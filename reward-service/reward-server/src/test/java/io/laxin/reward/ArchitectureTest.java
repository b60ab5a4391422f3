package io.laxin.reward;

import io.laxin.testsupport.HouseRules;
import org.junit.jupiter.api.Test;

/** reward-service keeps the house rules, one transaction per use case included (HouseRules, HouseRulesTest). */
class ArchitectureTest {

    @Test
    void shouldKeepTheHouseLayering() {
        HouseRules.check("io.laxin.reward");
    }
}
