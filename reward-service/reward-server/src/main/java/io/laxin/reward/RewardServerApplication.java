package io.laxin.reward;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.scheduling.annotation.EnableScheduling;

/** reward-service: rewards from referrals, hold periods, ledger and settlement. */
@SpringBootApplication
@EnableFeignClients(basePackages = "io.laxin.reward")
@EnableScheduling
@EnableConfigurationProperties(RewardProperties.class)
public class RewardServerApplication {

    /** Its configuration file is {@code reward-service.yml}, so all apps can share one classpath (standalone). */
    public static final String CONFIG_NAME = "reward-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RewardServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
