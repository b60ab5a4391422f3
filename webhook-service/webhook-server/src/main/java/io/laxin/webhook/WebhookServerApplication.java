package io.laxin.webhook;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** webhook-service: delivers the suite's events to the brand's endpoints, signed, retried, logged. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookServerApplication {

    /** Its configuration file is {@code webhook-service.yml}, so all apps can share one classpath (standalone). */
    public static final String CONFIG_NAME = "webhook-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(WebhookServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
