package io.laxin.invite.referral.infra;

import org.springframework.context.ApplicationContext;

/** For tests outside this package that make screening fail on purpose: closes the breaker with its default rules. */
public final class ScreeningBreakers {

    private ScreeningBreakers() {}

    public static void close(ApplicationContext context) {
        ScreeningBreaker breaker = context.getBean(ScreeningBreaker.class);
        // Sentinel keeps a breaker (and its state) when its rule is loaded again unchanged: change it, then restore
        breaker.configure(0.5, 600, 10, 11);
        breaker.configure(0.5, 600, 10, 10);
    }
}
