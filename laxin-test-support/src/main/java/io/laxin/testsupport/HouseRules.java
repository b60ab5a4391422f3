package io.laxin.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering every service keeps (house-style.md): domain code is plain Java; web types never reach infra; infra
 * types ({@code XxxDO}, mappers) stay in infra. Fails when a rule names a package with no classes, so a renamed
 * package cannot make a rule pass silently.
 */
public final class HouseRules {

    private HouseRules() {
    }

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        assertThat(classes.stream().filter(c -> c.getPackageName().contains(".domain")))
                .as("domain classes under %s", basePackage).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().endsWith(".infra")))
                .as("infra classes under %s", basePackage).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().endsWith(".web")))
                .as("web classes under %s", basePackage).isNotEmpty();

        ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.baomidou..",
                        "org.apache.rocketmq..", "..infra..", "..web..", "..application..")
                .because("domain code is plain Java (house-style.md)");
        ArchRule webDoesNotTouchInfra = noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..infra..")
                .because("web types never reach a mapper; go through the use case");
        ArchRule applicationDoesNotTouchInfraOrWeb = noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..infra..", "..web..")
                .because("use cases depend on ports, not adapters or controllers");
        domainIsPlainJava.check(classes);
        webDoesNotTouchInfra.check(classes);
        applicationDoesNotTouchInfraOrWeb.check(classes);
    }
}
