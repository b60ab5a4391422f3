package io.laxin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each house rule passes over a well-shaped fixture and fails over one that breaks it once. */
class HouseRulesTest {

    private static final String GOOD = "io.laxin.testsupport.fixture.good";
    private static final String BROKEN = "io.laxin.testsupport.fixture.broken";

    @Test
    void shouldPassEveryRuleOverAWellShapedService() {
        JavaClasses classes = new ClassFileImporter().importPackages(GOOD);
        for (ArchRule rule : HouseRules.rules(GOOD)) {
            assertThat(rule.evaluate(classes).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    @Test
    void shouldFailEachRuleWhereTheFixtureBreaksIt() {
        JavaClasses classes = new ClassFileImporter().importPackages(BROKEN);
        List<ArchRule> rules = HouseRules.rules(BROKEN);
        assertThat(rules).hasSize(9);
        for (ArchRule rule : rules) {
            assertThat(rule.evaluate(classes).hasViolation())
                    .as(rule.getDescription())
                    .isTrue();
        }
        assertThat(HouseRules.featuresFreeOfCycles(BROKEN)
                        .evaluate(classes)
                        .getFailureReport()
                        .toString())
                .contains("feature alpha")
                .contains("feature beta");
        assertThat(HouseRules.dataObjectsStayInInfra()
                        .evaluate(classes)
                        .getFailureReport()
                        .toString())
                .contains("AlphaDO");
        assertThat(HouseRules.webOnlyBuildsIdempotencyKeys()
                        .evaluate(classes)
                        .getFailureReport()
                        .toString())
                .contains("ReplayingAlphaController")
                .contains("IdempotentRequests.earlier")
                .doesNotContain("IdempotentRequests.key");
        assertThat(HouseRules.settingsComeFromPropertiesRecords()
                        .evaluate(classes)
                        .getFailureReport()
                        .toString())
                .contains("AlphaSchedule");
        assertThat(HouseRules.onlyUseCasesOpenTransactions()
                        .evaluate(classes)
                        .getFailureReport()
                        .toString())
                .contains("TransactionalAlphaController.declares()")
                .contains("TransactionTemplate")
                .doesNotContain("requires()");
    }

    @Test
    void shouldFailWhenARulesPackageDoesNotExist() {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.laxin.testsupport.fixture.none");
        assertThatThrownBy(() -> HouseRules.domainIsPlainJava().evaluate(nothing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> HouseRules.check("io.laxin.testsupport.fixture.none"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
