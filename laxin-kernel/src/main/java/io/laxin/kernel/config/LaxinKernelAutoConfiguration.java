package io.laxin.kernel.config;

import io.laxin.kernel.identity.CallerArgumentResolver;
import io.laxin.kernel.identity.GatewayIdentityFilter;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.ServiceIdentityInterceptor;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.job.Jobs;
import io.laxin.kernel.job.LongJobs;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.OutboxProperties;
import io.laxin.kernel.messaging.OutboxRelay;
import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.kernel.messaging.Topics;
import io.laxin.kernel.web.ProblemHandler;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Wires the kernel into a service: each part only where the service has what it needs. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration"})
@EnableConfigurationProperties({Topics.class, OutboxProperties.class})
public class LaxinKernelAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Signatures expire by wall-clock time, not by the business {@link Clock} (which tests move to cross hold
     * periods and windows).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("laxin.internal.secret")
    IdentitySigner identitySigner(@Value("${laxin.internal.secret}") String secret) {
        return new IdentitySigner(secret, Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(ProblemHandler.class)
    static class ServletConfiguration {

        /** Services refuse to start without the internal secret: no call may skip the gateway's signature. */
        @Bean
        FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(ObjectProvider<IdentitySigner> signer,
                @Value("${laxin.identity.open-paths:/actuator,/v3/api-docs,/swagger-ui}") List<String> openPaths) {
            IdentitySigner s = signer.getIfAvailable(() -> {
                throw new IllegalStateException("laxin.internal.secret (env LAXIN_INTERNAL_SECRET) is not set");
            });
            FilterRegistrationBean<GatewayIdentityFilter> bean =
                    new FilterRegistrationBean<>(new GatewayIdentityFilter(s, openPaths));
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
            return builder -> builder.withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, c -> c
                    .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean,
                            tools.jackson.databind.cfg.CoercionAction.Fail)
                    .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer,
                            tools.jackson.databind.cfg.CoercionAction.Fail)
                    .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float,
                            tools.jackson.databind.cfg.CoercionAction.Fail))
                    // and whole numbers are JSON whole numbers: 1.5 fen or "100" is a 400, not 1 or 100 fen
                    .withCoercionConfig(tools.jackson.databind.type.LogicalType.Integer, c -> c
                            .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float,
                                    tools.jackson.databind.cfg.CoercionAction.Fail)
                            .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.String,
                                    tools.jackson.databind.cfg.CoercionAction.Fail));
        }
    }

    /** Each service's OpenAPI document, titled and secured for the gateway's aggregated UI. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ApiDocsConfiguration {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer laxinApiDocs(
                @Value("${laxin.api-docs.title:${spring.application.name}}") String title,
                @Value("${laxin.api-docs.version:0.1.0}") String version,
                @Value("${laxin.api-docs.description:}") String description) {
            return io.laxin.kernel.web.ApiDocs.customizer(title, version, description);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(feign.RequestInterceptor.class)
    static class FeignConfiguration {

        @Bean
        @ConditionalOnProperty("laxin.internal.secret")
        ServiceIdentityInterceptor serviceIdentityInterceptor(IdentitySigner signer,
                                                              @Value("${spring.application.name}") String name) {
            return new ServiceIdentityInterceptor(signer, name);
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
        IdempotentRequests idempotentRequests(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json,
                                              Clock clock) {
            return new IdempotentRequests(jdbc, tx, json, clock);
        }

        /** Long jobs: one run table, a lease per job and subject, progress as the heartbeat. */
        @Bean
        Jobs jobs(JdbcTemplate jdbc, PlatformTransactionManager txm, JsonMapper json, Clock clock,
                  @Value("${laxin.jobs.lease:5m}") Duration lease,
                  @Value("${spring.application.name:laxin}") String name) {
            return new Jobs(jdbc, txm, json, clock, lease, name + "@" + host() + "/" + UUID.randomUUID());
        }

        /** Background runner of long jobs: {@code laxin.jobs.threads} at once, {@code laxin.jobs.queue} waiting. */
        @Bean
        LongJobs longJobs(Jobs jobs, @Value("${laxin.jobs.threads:2}") int threads,
                          @Value("${laxin.jobs.queue:50}") int queued) {
            return new LongJobs(jobs, threads, queued);
        }

        private static String host() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "unknown-host";
            }
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.rocketmq.spring.core.RocketMQTemplate")
    @ConditionalOnBean({JdbcTemplate.class, RocketMQTemplate.class})
    static class OutboxConfiguration {

        @Bean
        @ConditionalOnProperty(name = "laxin.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
        OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RocketMQTemplate rocketMQTemplate,
                                Clock clock, OutboxProperties properties) {
            return new OutboxRelay(jdbc, tx, rocketMQTemplate.getProducer(), clock, properties);
        }

        @Bean
        Outbox outbox(JdbcTemplate jdbc, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
            return new Outbox(jdbc, json, relay.getIfAvailable());
        }
    }
}
