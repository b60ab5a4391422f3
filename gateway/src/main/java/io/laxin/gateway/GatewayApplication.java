package io.laxin.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one public entry of the suite. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Its configuration file is {@code gateway.yml}, so all apps can share one classpath (standalone). */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME, "spring.main.web-application-type=reactive");
    }
}
