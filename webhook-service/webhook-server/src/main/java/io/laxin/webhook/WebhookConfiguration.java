package io.laxin.webhook;

import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.MessageDelivery;
import io.laxin.kernel.messaging.Topics;
import io.laxin.webhook.delivery.application.Dispatching;
import io.laxin.webhook.delivery.application.FanningOutEvent;
import io.laxin.webhook.delivery.domain.WebhookSender;
import io.laxin.webhook.delivery.infra.DispatchLoop;
import io.laxin.webhook.delivery.infra.HttpWebhookSender;
import io.laxin.webhook.delivery.messaging.EventCatalog;
import io.laxin.webhook.delivery.messaging.FanoutListener;
import io.laxin.webhook.delivery.messaging.NameServer;
import io.laxin.webhook.endpoint.domain.EndpointUrls;
import io.laxin.webhook.endpoint.web.AdminOnly;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Wires webhook-service from {@link WebhookProperties}. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminOnly()).addPathPatterns(AdminOnly.PATHS);
    }

    @Bean
    EndpointUrls endpointUrls(WebhookProperties properties) {
        return new EndpointUrls(properties.allowHttp(), properties.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    @Bean
    WebhookSender webhookSender(WebhookProperties properties) {
        return new HttpWebhookSender(properties.connectTimeout(), properties.readTimeout());
    }

    /** The sends of one dispatch round run here, so one slow endpoint does not hold the others. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookDispatchPool(WebhookProperties properties) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "webhook-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(properties.dispatcher().threads(), threads);
    }

    @Bean
    @ConditionalOnProperty(name = "laxin.webhook.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
    DispatchLoop webhookDispatchLoop(Dispatching dispatching, WebhookProperties properties) {
        return new DispatchLoop(dispatching, properties.dispatcher().pollInterval());
    }

    @Bean
    EventCatalog eventCatalog(Topics topics) {
        return new EventCatalog(topics);
    }

    @Bean
    FanoutListener fanoutListener(
            FanningOutEvent fanning,
            EventCatalog catalog,
            JsonMapper json,
            MessageDelivery delivery,
            NameServer broker,
            ServiceName application) {
        return new FanoutListener(
                fanning, catalog, json, delivery, broker.nameServer(), application.value() + "-fanout");
    }
}
