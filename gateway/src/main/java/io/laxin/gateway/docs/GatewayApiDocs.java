package io.laxin.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own document in the aggregated API docs: its admin API (flow rules), called with a staff token. */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocs {

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Laxin gateway")
                        .version("0.1.0")
                        .description("The one public entry. Its own "
                                + "API: the Sentinel flow rules in force (ADMIN). Every other document here is a service's, "
                                + "called through this gateway."))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
