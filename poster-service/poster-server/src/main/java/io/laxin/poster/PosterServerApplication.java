package io.laxin.poster;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** poster-service: poster templates, a user's share poster for a campaign, bulk pre-generation. */
@SpringBootApplication
@EnableConfigurationProperties(PosterProperties.class)
@EnableFeignClients(basePackages = "io.laxin.poster")
@MapperScan(basePackages = "io.laxin.poster", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class PosterServerApplication {

    /** Its configuration file is {@code poster-service.yml}, so all apps can share one classpath (standalone). */
    public static final String CONFIG_NAME = "poster-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PosterServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
