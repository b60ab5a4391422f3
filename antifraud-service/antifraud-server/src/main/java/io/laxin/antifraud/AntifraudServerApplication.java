package io.laxin.antifraud;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** antifraud-service: screens registrations, keeps explainable decisions. */
@SpringBootApplication
@EnableConfigurationProperties(AntifraudProperties.class)
@MapperScan(basePackages = "io.laxin.antifraud", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class AntifraudServerApplication {

    /** Its configuration file is {@code antifraud-service.yml}, so all apps can share one classpath (standalone). */
    public static final String CONFIG_NAME = "antifraud-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AntifraudServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
