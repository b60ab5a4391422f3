package io.laxin.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shape every service keeps (house-style.md, docs/architecture.md), as rules that fail the build:
 * <ul>
 *     <li>feature packages ({@code io.laxin.invite.referral}, {@code …leaderboard}, …) have no cycles between them;</li>
 *     <li>domain code is plain Java: no Spring, MyBatis or RocketMQ, and none of application, web, infra or
 *     messaging;</li>
 *     <li>use cases depend on ports: application code imports neither web, infra nor messaging (outgoing events go
 *     through a port such as {@code ReferralEvents}, implemented in {@code messaging});</li>
 *     <li>controllers go through use cases: web code imports neither infra nor messaging;</li>
 *     <li>idempotency is the use case's: web code builds {@code Idempotency-Key} keys and calls nothing else of
 *     {@code IdempotentRequests};</li>
 *     <li>only messaging (and the app's wiring) speaks RocketMQ;</li>
 *     <li>data objects ({@code XxxDO}) and MyBatis mappers live in infra;</li>
 *     <li>settings come from the service's {@code @ConfigurationProperties} record, never from {@code @Value};</li>
 *     <li>one transaction per use case, opened by the use case: below application nothing opens one (no
 *     {@code TransactionTemplate}, no transaction manager, no {@code @Transactional} other than {@code MANDATORY}, which
 *     the appending ports declare).</li>
 * </ul>
 * Each rule is checked over classes that exist: a rule whose subject package is empty fails (ArchUnit's
 * "failOnEmptyShould"), so a renamed package cannot make a rule pass silently. {@code HouseRulesTest} breaks each rule
 * once in a fixture and sees it fail.
 */
public final class HouseRules {

    private static final String IDEMPOTENT_REQUESTS = "io.laxin.kernel.idempotency.IdempotentRequests";

    private HouseRules() {}

    /** Checks every rule over {@code basePackage}'s production classes and reports every violation at once. */
    public static void check(String basePackage) {
        JavaClasses classes = importProduction(basePackage);
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules(basePackage)) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    public static JavaClasses importProduction(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                featuresFreeOfCycles(basePackage),
                domainIsPlainJava(),
                applicationDependsOnPorts(basePackage),
                webGoesThroughUseCases(basePackage),
                webOnlyBuildsIdempotencyKeys(),
                onlyMessagingSpeaksRocketMq(),
                dataObjectsStayInInfra(),
                settingsComeFromPropertiesRecords(),
                onlyUseCasesOpenTransactions());
    }

    public static ArchRule featuresFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because("a feature depends on another through its application or domain types, never both ways "
                        + "(house-style.md)");
    }

    public static ArchRule domainIsPlainJava() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.baomidou..",
                        "org.apache.ibatis..",
                        "org.apache.rocketmq..",
                        "..infra..",
                        "..web..",
                        "..application..",
                        "..messaging..")
                .because("domain code is plain Java (house-style.md)");
    }

    /** The kernel's consumer guard ({@code ProcessedEvents}) is a port the use case calls in its own transaction. */
    public static ArchRule applicationDependsOnPorts(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..infra..", "..web..", basePackage + "..messaging..")
                .because("use cases depend on ports (repositories, outgoing events), not on adapters, controllers "
                        + "or publishers");
    }

    public static ArchRule webGoesThroughUseCases(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..infra..", basePackage + "..messaging..")
                .because("web types never reach a mapper or a publisher; they go through the use case");
    }

    /**
     * A controller turns the Idempotency-Key header into a key and hands it to the use case, which records it in its
     * own transaction; it never asks for an earlier answer nor records one itself.
     */
    public static ArchRule webOnlyBuildsIdempotencyKeys() {
        DescribedPredicate<JavaMethodCall> recording =
                new DescribedPredicate<>("a method of IdempotentRequests other than key") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().getFullName().equals(IDEMPOTENT_REQUESTS)
                                && !call.getName().equals("key");
                    }
                };
        return noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .callMethodWhere(recording)
                .because("the use case checks and records the Idempotency-Key inside its one transaction, after its "
                        + "remote calls; a controller only builds the key (IdempotentRequests' class comment)");
    }

    public static ArchRule onlyMessagingSpeaksRocketMq() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..messaging..", "..config..")
                .and()
                .haveSimpleNameNotEndingWith("Application")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.rocketmq..")
                .because("only a feature's messaging package talks to the broker");
    }

    public static ArchRule dataObjectsStayInInfra() {
        DescribedPredicate<JavaClass> persistenceTypes = new DescribedPredicate<>("data objects or MyBatis mappers") {
            @Override
            public boolean test(JavaClass c) {
                return c.getSimpleName().endsWith("DO")
                        || c.isAnnotatedWith("org.apache.ibatis.annotations.Mapper")
                        || c.getAllRawInterfaces().stream()
                                .anyMatch(i -> i.getName().equals("com.baomidou.mybatisplus.core.mapper.BaseMapper"));
            }
        };
        // reward-service and webhook-service have no mapper at all (ADR 0008): an empty subject is fine here
        return classes()
                .that(persistenceTypes)
                .should()
                .resideInAPackage("..infra..")
                .because("a data object or a mapper never leaves infra; repositories translate to domain types")
                .allowEmptyShould(true);
    }

    /**
     * No {@code @Value}: a setting is a component of the service's {@code @ConfigurationProperties} record, so it is
     * validated at start-up, has its default in one place and is listed in the configuration metadata.
     */
    public static ArchRule settingsComeFromPropertiesRecords() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .because("settings are read through the service's @ConfigurationProperties record (validated, "
                        + "defaulted once, documented by the configuration metadata), not injected by @Value");
    }

    /**
     * One transaction per use case, opened by the use case (issue 13): web, listeners, jobs and repositories run in
     * it. Outside application packages no class opens one by hand ({@code TransactionTemplate}, a transaction
     * manager) nor declares one: {@code @Transactional} there is only {@code MANDATORY} (a port that appends — the
     * outbox, the ledger — refusing to run outside its caller's transaction).
     */
    public static ArchRule onlyUseCasesOpenTransactions() {
        DescribedPredicate<JavaAnnotation<?>> opening =
                new DescribedPredicate<>("@Transactional other than MANDATORY") {
                    @Override
                    public boolean test(JavaAnnotation<?> a) {
                        return a.getRawType().isEquivalentTo(Transactional.class)
                                && a.as(Transactional.class).propagation() != Propagation.MANDATORY;
                    }
                };
        String because = "one transaction per use case, opened by the use case; below it only MANDATORY (issue 13)";
        ArchRule byHand = noClasses()
                .that()
                .resideOutsideOfPackage("..application..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(TransactionTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(PlatformTransactionManager.class)
                .because(because);
        ArchRule declaredOnMethods = noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..application..")
                .should()
                .beAnnotatedWith(opening)
                .because(because)
                .allowEmptyShould(true);
        ArchRule declaredOnClasses = noClasses()
                .that()
                .resideOutsideOfPackage("..application..")
                .should()
                .beAnnotatedWith(opening)
                .because(because);
        return CompositeArchRule.of(byHand).and(declaredOnMethods).and(declaredOnClasses);
    }
}
