package io.laxin.reward;

import static org.awaitility.Awaitility.await;

import io.laxin.antifraud.api.RiskDecisionApi;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.reward.application.IssueReferralRewardsCommand;
import io.laxin.reward.reward.application.IssuingReferralRewards;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.MutableClock;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One reward-service context for its ITs: real MySQL and broker, a clock the tests move, the scheduled release job
 * off (tests run it when they mean to), invite-service's policy endpoint stood in for by {@link InvitePolicies} and
 * antifraud-service's decision endpoint by {@link AntifraudDecisions} (its failed reads counted in {@link #RISK_READ_FAILED}), a
 * switch that makes the referral consumer fail right after its transaction committed — as a process dying before the
 * broker's ack would — and one that makes it fail before it starts, until the test lifts it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=reward-service", "laxin.reward.release-enabled=false"})
@LaxinIntegrationTest
@Import(RewardItSupport.TestBeans.class)
public abstract class RewardItSupport {

    protected static final MutableClock CLOCK = new MutableClock();
    /** Event ids whose first handling fails after commit (each id once). */
    protected static final Set<String> CRASH_AFTER_COMMIT = ConcurrentHashMap.newKeySet();
    /** Event ids whose handling fails before the use case runs, for as long as they are in the set (a broken cause). */
    protected static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /** How many times the referral consumer handled each event id (deliveries and redeliveries). */
    protected static final Map<String, Integer> HANDLED = new ConcurrentHashMap<>();
    /** How many times handling each event id failed (the broker then redelivers). */
    protected static final Map<String, Integer> FAILED = new ConcurrentHashMap<>();
    /** How many times reading each risk case from antifraud-service failed (its message is then redelivered). */
    protected static final Map<Long, Integer> RISK_READ_FAILED = new ConcurrentHashMap<>();

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @DynamicPropertySource
    static void siblings(DynamicPropertyRegistry registry) {
        registry.add("laxin.services.invite-url", InvitePolicies::url);
        registry.add("laxin.services.antifraud-url", AntifraudDecisions::url);
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        static BeanPostProcessor crashAfterCommit() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof IssuingReferralRewards real && !(bean instanceof CrashingAfterCommit)
                            ? new CrashingAfterCommit(real)
                            : bean;
                }
            };
        }

        /** antifraud-service's client (a Feign proxy), counting its failed reads per case. */
        @Bean
        static BeanPostProcessor countFailedRiskReads() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof RiskDecisionApi)
                            || Proxy.isProxyClass(bean.getClass())
                                    && Proxy.getInvocationHandler(bean) instanceof CountingFailedRiskReads) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(
                            bean.getClass().getClassLoader(),
                            bean.getClass().getInterfaces(),
                            new CountingFailedRiskReads(bean));
                }
            };
        }
    }

    record CountingFailedRiskReads(Object real) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                if (method.getName().equals("decision")) {
                    RISK_READ_FAILED.merge((Long) args[0], 1, Integer::sum);
                }
                throw e.getCause();
            }
        }
    }

    /**
     * Runs the real (transactional) use case, counting its failures, then fails once for the chosen events, after
     * the commit.
     */
    static final class CrashingAfterCommit extends IssuingReferralRewards {
        private final IssuingReferralRewards real;

        CrashingAfterCommit(IssuingReferralRewards real) {
            super(null, null, null, null, null, null, null, null, null, null);
            this.real = real;
        }

        @Override
        public Outcome handle(IssueReferralRewardsCommand command) {
            if (FAILING.contains(command.eventId())) {
                throw new IllegalStateException("test: the reward store refuses event " + command.eventId());
            }
            Outcome outcome;
            try {
                outcome = real.handle(command);
            } catch (RuntimeException e) {
                FAILED.merge(command.eventId(), 1, Integer::sum);
                throw e;
            }
            HANDLED.merge(command.eventId(), 1, Integer::sum);
            if (CRASH_AFTER_COMMIT.remove(command.eventId())) {
                throw new IllegalStateException("test: process died after commit, before the ack");
            }
            return outcome;
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Topics topics;

    @Autowired
    protected ApplicationContext context;

    @Value("${rocketmq.name-server}")
    protected String namesrv;

    protected static long nextId() {
        return IDS.incrementAndGet();
    }

    protected TestHttp http() {
        return TestHttp.at("http://127.0.0.1:" + port);
    }

    protected static RewardPolicyDTO policy(long referrerFen, long inviteeFen, int holdDays) {
        return new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, referrerFen),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, inviteeFen),
                holdDays);
    }

    /** An attribution under this policy: invite-service (the stand-in) serves it as a version of the campaign. */
    protected static ReferralAttributedEvent attributed(
            long campaignId, long referralId, String referrer, String invitee, RewardPolicyDTO policy, Instant at) {
        return new ReferralAttributedEvent(
                UUID.randomUUID().toString(),
                "invite-service",
                at,
                ReferralAttributedEvent.SCHEMA_VERSION,
                referralId,
                campaignId,
                InvitePolicies.serve(campaignId, policy),
                referrer,
                invitee,
                at);
    }

    protected void deliver(ReferralAttributedEvent e) {
        RocketMqProbe.send(
                namesrv,
                topics.referral(),
                ReferralEventTags.ATTRIBUTED,
                e.eventId(),
                TestHttp.JSON.writeValueAsString(e));
    }

    /** Sends the events through one producer. */
    protected void deliverAll(List<ReferralAttributedEvent> events) {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        events.forEach(e -> bodies.put(e.eventId(), TestHttp.JSON.writeValueAsString(e)));
        RocketMqProbe.sendAll(namesrv, topics.referral(), ReferralEventTags.ATTRIBUTED, bodies);
    }

    /** A genuine REJECT: antifraud-service (the stand-in) decided its case so, and confirms it when asked. */
    public static RiskDecidedEvent rejected(long campaignId, String invitee, String referrer) {
        RiskDecidedEvent e = riskDecided(campaignId, invitee, referrer, nextId(), Verdict.REJECT);
        AntifraudDecisions.decided(e.caseId(), campaignId, invitee, referrer, Verdict.REJECT);
        return e;
    }

    /** A RISK_DECIDED message as anyone could publish it: antifraud-service is not told of it. */
    public static RiskDecidedEvent riskDecided(
            long campaignId, String invitee, String referrer, long caseId, Verdict verdict) {
        return new RiskDecidedEvent(
                UUID.randomUUID().toString(),
                "antifraud-service",
                CLOCK.instant(),
                1,
                campaignId,
                invitee,
                referrer,
                null,
                caseId,
                verdict,
                List.of(),
                "late-analysis");
    }

    protected void deliver(RiskDecidedEvent e) {
        RocketMqProbe.send(
                namesrv, topics.risk(), RiskEventTags.DECIDED, e.eventId(), TestHttp.JSON.writeValueAsString(e));
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    protected void awaitConsumed(String topic, long total) {
        await().atMost(Duration.ofSeconds(60)).until(() -> RocketMqProbe.consumed(context, topic) >= total);
    }
}
