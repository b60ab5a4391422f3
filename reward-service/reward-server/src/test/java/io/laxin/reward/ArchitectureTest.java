package io.laxin.reward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.laxin.reward.archfixture.web.OpensATransaction;
import io.laxin.testsupport.HouseRules;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

class ArchitectureTest {

    /** A {@code @Transactional} that opens or joins a transaction, i.e. any but {@code MANDATORY}. */
    private static final DescribedPredicate<JavaAnnotation<?>> OPENING = DescribedPredicate.describe(
            "@Transactional other than MANDATORY",
            a -> a.getRawType().isEquivalentTo(Transactional.class)
                    && a.as(Transactional.class).propagation() != Propagation.MANDATORY);

    /** Only use cases open transactions: nothing outside an application package opens one by hand. */
    static final ArchRule ONLY_USE_CASES_OPEN_TRANSACTIONS = noClasses()
            .that()
            .resideOutsideOfPackage("..application..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(TransactionTemplate.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(PlatformTransactionManager.class)
            .because("one transaction per use case, opened by the use case (issue 13)");

    /** ... nor declares one: below the use cases only MANDATORY (the appending ports: the ledger). */
    static final ArchRule NOTHING_BELOW_USE_CASES_DECLARES_ONE = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("..application..")
            .should()
            .beAnnotatedWith(OPENING)
            .because("web, listeners and repositories run in the use case's transaction; ports that append "
                    + "declare MANDATORY")
            .allowEmptyShould(true);

    static final ArchRule NO_CLASS_BELOW_USE_CASES_DECLARES_ONE = noClasses()
            .that()
            .resideOutsideOfPackage("..application..")
            .should()
            .beAnnotatedWith(OPENING)
            .because("web, listeners and repositories run in the use case's transaction");

    @Test
    void shouldKeepTheHouseLayering() {
        HouseRules.check("io.laxin.reward");
    }

    @Test
    void shouldOpenTransactionsInUseCasesOnly() {
        JavaClasses production = HouseRules.importProduction("io.laxin.reward");
        ONLY_USE_CASES_OPEN_TRANSACTIONS.check(production);
        NOTHING_BELOW_USE_CASES_DECLARES_ONE.check(production);
        NO_CLASS_BELOW_USE_CASES_DECLARES_ONE.check(production);
    }

    @Test
    void shouldCatchAWebClassThatOpensOrDeclaresATransaction() {
        JavaClasses fixture = new ClassFileImporter().importClasses(OpensATransaction.class);
        assertThatThrownBy(() -> ONLY_USE_CASES_OPEN_TRANSACTIONS.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TransactionTemplate");
        assertThatThrownBy(() -> NOTHING_BELOW_USE_CASES_DECLARES_ONE.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("declares()")
                .hasMessageNotContaining("requires()");
    }
}
