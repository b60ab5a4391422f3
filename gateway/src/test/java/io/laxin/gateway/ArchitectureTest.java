package io.laxin.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.laxin.testsupport.HouseRules;
import org.junit.jupiter.api.Test;

/**
 * The gateway's shape: its parts (auth, flow, routing, error, web, docs, console, h5) have no cycles between them; it
 * is reactive (no servlet API, no blocking JDBC) and knows no service's code — only the kernel's shared api (error
 * codes, identity headers).
 */
class ArchitectureTest {

    private final JavaClasses classes = HouseRules.importProduction("io.laxin.gateway");

    @Test
    void shouldKeepItsPartsFreeOfCycles() {
        HouseRules.featuresFreeOfCycles("io.laxin.gateway").check(classes);
    }

    @Test
    void shouldReadSettingsFromPropertiesRecords() {
        HouseRules.settingsComeFromPropertiesRecords().check(classes);
    }

    @Test
    void shouldStayReactive() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.servlet..",
                        "java.sql..",
                        "org.springframework.jdbc..",
                        "org.springframework.web.servlet..")
                .because("the gateway runs on Netty: a blocking call stalls an event loop shared by every request")
                .check(classes);
    }

    @Test
    void shouldKnowNoServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.laxin.invite..",
                        "io.laxin.reward..",
                        "io.laxin.poster..",
                        "io.laxin.antifraud..",
                        "io.laxin.webhook..")
                .because("services change without redeploying the gateway; it routes by path, not by their types")
                .check(classes);
    }
}
