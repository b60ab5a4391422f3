package io.laxin.kernel.config;

import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.CallerArgumentResolver;
import io.laxin.kernel.identity.GatewayIdentityFilter;
import io.laxin.kernel.identity.IdentityKeys;
import io.laxin.kernel.identity.IdentityProperties;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.IdentityVerifier;
import io.laxin.kernel.identity.InMemoryNonceStore;
import io.laxin.kernel.identity.NonceStore;
import io.laxin.kernel.identity.RedisNonceStore;
import io.laxin.kernel.identity.ServiceIdentityInterceptor;
import io.laxin.kernel.job.Jobs;
import io.laxin.kernel.job.LongJobs;
import io.laxin.kernel.messaging.JdbcParkedMessages;
import io.laxin.kernel.messaging.MessageConsumer;
import io.laxin.kernel.messaging.MessageDelivery;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.OutboxProperties;
import io.laxin.kernel.messaging.OutboxRelay;
import io.laxin.kernel.messaging.ParkedMessageReplay;
import io.laxin.kernel.messaging.ParkedMessages;
import io.laxin.kernel.messaging.ParkedMessagesController;
import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.kernel.messaging.Topics;
import io.laxin.kernel.web.ProblemHandler;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the kernel into a service: each part only where the service has what it needs. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"
        })
@EnableConfigurationProperties({KernelProperties.class, Topics.class, OutboxProperties.class, IdentityProperties.class})
public class LaxinKernelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServiceName serviceName(Environment environment) {
        return new ServiceName(environment.getProperty("spring.application.name"));
    }

    /**
     * This app's signer of internal identity (ADR 0007), where it has a private key. Signatures expire by wall-clock
     * time, not by the business {@link Clock} (which tests move to cross hold periods and windows).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${laxin.identity.private-key:}' != ''")
    IdentitySigner identitySigner(IdentityProperties properties) {
        return new IdentitySigner(IdentityKeys.privateKey(properties.privateKey()), Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(ProblemHandler.class)
    static class ServletConfiguration {

        /**
         * Services refuse to start without the gateway's public key: no call may skip the gateway's signature. Nonces
         * go to Redis where the service has it, else to this replica's memory.
         */
        @Bean
        FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(
                IdentityProperties properties, ObjectProvider<NonceStore> nonces, ServiceName name) {
            IdentityVerifier verifier = new IdentityVerifier(
                    name.value(),
                    properties.publicKeys(),
                    nonces.getIfAvailable(() -> new InMemoryNonceStore(properties.maxNonces(), Clock.systemUTC())),
                    Clock.systemUTC());
            if (!verifier.trustsGateway()) {
                throw new IllegalStateException("laxin.identity.trusted-keys.gateway (env LAXIN_GATEWAY_PUBLIC_KEYS) "
                        + "is not set: the gateway's Ed25519 public key(s), base64, comma-separated");
            }
            FilterRegistrationBean<GatewayIdentityFilter> bean = new FilterRegistrationBean<>(new GatewayIdentityFilter(
                    verifier, properties.openPaths(), properties.maxBody().toBytes()));
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return bean;
        }

        @Bean
        WebMvcConfigurer callerArgumentConfigurer() {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CallerArgumentResolver());
                }
            };
        }
    }

    /**
     * JSON text fields take text only: a boolean or a number sent where the API says string ({@code "userId": true})
     * is a 400, not the string "true" written to a table; and a fraction or a string where the API says integer is a
     * 400.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer")
    static class StrictJsonConfiguration {

        @Bean
        org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer laxinTextIsText() {
            return builder -> builder.withCoercionConfig(
                            tools.jackson.databind.type.LogicalType.Textual,
                            c -> c.setCoercion(
                                            tools.jackson.databind.cfg.CoercionInputShape.Boolean,
                                            tools.jackson.databind.cfg.CoercionAction.Fail)
                                    .setCoercion(
                                            tools.jackson.databind.cfg.CoercionInputShape.Integer,
                                            tools.jackson.databind.cfg.CoercionAction.Fail)
                                    .setCoercion(
                                            tools.jackson.databind.cfg.CoercionInputShape.Float,
                                            tools.jackson.databind.cfg.CoercionAction.Fail))
                    // and whole numbers are JSON whole numbers: 1.5 fen or "100" is a 400, not 1 or 100 fen
                    .withCoercionConfig(
                            tools.jackson.databind.type.LogicalType.Integer,
                            c -> c.setCoercion(
                                            tools.jackson.databind.cfg.CoercionInputShape.Float,
                                            tools.jackson.databind.cfg.CoercionAction.Fail)
                                    .setCoercion(
                                            tools.jackson.databind.cfg.CoercionInputShape.String,
                                            tools.jackson.databind.cfg.CoercionAction.Fail));
        }
    }

    /** Each service's OpenAPI document, titled and secured for the gateway's aggregated UI. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ApiDocsConfiguration {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer laxinApiDocs(KernelProperties properties, ServiceName name) {
            KernelProperties.ApiDocs docs = properties.apiDocs();
            return io.laxin.kernel.web.ApiDocs.customizer(
                    docs.title() == null ? name.value() : docs.title(), docs.version(), docs.description());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(feign.RequestInterceptor.class)
    static class FeignConfiguration {

        /** A service that calls others signs with its own key: without one it does not start. */
        @Bean
        ServiceIdentityInterceptor serviceIdentityInterceptor(ObjectProvider<IdentitySigner> signer, ServiceName name) {
            return new ServiceIdentityInterceptor(
                    signer.getIfAvailable(() -> {
                        throw new IllegalStateException(
                                "laxin.identity.private-key (env LAXIN_SERVICE_PRIVATE_KEY) is not " + "set: " + name
                                        + " signs the calls it makes with its own Ed25519 key");
                    }),
                    name.value());
        }
    }

    /** Nonces of internal calls in Redis, shared by the replicas, where the service has Redis. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
    @ConditionalOnBean(type = "org.springframework.data.redis.core.StringRedisTemplate")
    static class RedisNoncesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        NonceStore redisNonceStore(
                org.springframework.data.redis.core.StringRedisTemplate redis,
                KernelProperties kernel,
                IdentityProperties properties) {
            return new RedisNonceStore(
                    redis,
                    kernel.redis().keyPrefix(),
                    new InMemoryNonceStore(properties.maxNonces(), Clock.systemUTC()),
                    Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean(JdbcTemplate.class)
    static class JdbcConfiguration {

        @Bean
        ProcessedEvents processedEvents(JdbcTemplate jdbc, Clock clock) {
            return new ProcessedEvents(jdbc, clock);
        }

        @Bean
        IdempotentRequests idempotentRequests(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
            return new IdempotentRequests(jdbc, json, clock);
        }

        /** Long jobs: one run table, a lease per job and subject, progress as the heartbeat. */
        @Bean
        Jobs jobs(
                JdbcTemplate jdbc,
                PlatformTransactionManager txm,
                JsonMapper json,
                Clock clock,
                KernelProperties properties,
                ServiceName name) {
            return new Jobs(
                    jdbc,
                    txm,
                    json,
                    clock,
                    properties.jobs().lease(),
                    name.value() + "@" + host() + "/" + UUID.randomUUID());
        }

        /** Background runner of long jobs: {@code laxin.jobs.threads} at once, {@code laxin.jobs.queue} waiting. */
        @Bean
        LongJobs longJobs(Jobs jobs, KernelProperties properties) {
            return new LongJobs(
                    jobs, properties.jobs().threads(), properties.jobs().queue());
        }

        private static String host() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "unknown-host";
            }
        }
    }

    /**
     * Consuming: the delivery template every listener runs through, the parked messages it keeps (table
     * {@code parked_message}, kernel migration) and their replay; the ops endpoints where the service has consumers.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"org.apache.rocketmq.common.message.MessageExt", "io.micrometer.core.instrument.MeterRegistry"})
    @ConditionalOnBean(JdbcTemplate.class)
    static class MessageConsumingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ParkedMessages parkedMessages(JdbcTemplate jdbc, Clock clock) {
            return new JdbcParkedMessages(jdbc, clock);
        }

        /** Retries before a failing message is parked: {@code laxin.messaging.max-reconsume-times} (16). */
        @Bean
        MessageDelivery messageDelivery(
                ParkedMessages parked,
                ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
                JsonMapper json,
                Environment environment,
                KernelProperties properties) {
            return new MessageDelivery(
                    parked,
                    meters.getIfAvailable(() -> io.micrometer.core.instrument.Metrics.globalRegistry),
                    json,
                    environment,
                    properties.messaging().maxReconsumeTimes());
        }

        @Bean
        ParkedMessageReplay parkedMessageReplay(
                ParkedMessages parked, MessageDelivery delivery, ObjectProvider<MessageConsumer<?>> consumers) {
            return new ParkedMessageReplay(parked, delivery, consumers);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnBean(MessageConsumer.class)
        @Import(ParkedMessagesController.class)
        static class ParkedMessagesWebConfiguration {}
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.rocketmq.spring.core.RocketMQTemplate")
    @ConditionalOnBean({JdbcTemplate.class, RocketMQTemplate.class})
    static class OutboxConfiguration {

        @Bean
        @ConditionalOnProperty(name = "laxin.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
        OutboxRelay outboxRelay(
                JdbcTemplate jdbc,
                TransactionTemplate tx,
                RocketMQTemplate rocketMQTemplate,
                Clock clock,
                OutboxProperties properties) {
            return new OutboxRelay(jdbc, tx, rocketMQTemplate.getProducer(), clock, properties);
        }

        @Bean
        Outbox outbox(JdbcTemplate jdbc, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
            return new Outbox(jdbc, json, relay.getIfAvailable());
        }
    }
}
