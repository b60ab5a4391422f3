package io.laxin.invite;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.scheduling.annotation.EnableScheduling;

/** invite-service: campaigns, invite codes, share links, touches and attribution. */
@SpringBootApplication
@EnableFeignClients(basePackages = "io.laxin.invite")
@EnableScheduling
@EnableConfigurationProperties(InviteProperties.class)
@MapperScan(basePackages = "io.laxin.invite", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class InviteServerApplication {

    /** Its configuration file is {@code invite-service.yml}, so all apps can share one classpath (standalone). */
    public static final String CONFIG_NAME = "invite-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(InviteServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
