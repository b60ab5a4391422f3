package io.laxin.reward.archfixture.web;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Breaks the transaction rules on purpose, so {@code ArchitectureTest} can show they bite (never loaded by Spring). */
public class OpensATransaction {

    /** A web-side class declaring its own transaction. */
    @Transactional
    public void declares() {}

    /** Allowed below the use cases: it opens nothing, it only requires the caller's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requires() {}

    /** A web-side class opening one by hand. */
    public void opens(PlatformTransactionManager txm) {
        new TransactionTemplate(txm).executeWithoutResult(s -> {});
    }
}
