package io.laxin.kernel.web;

import io.laxin.kernel.identity.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * What every service's OpenAPI document says of itself, as the gateway's aggregated UI shows it: a title, version and
 * description; the one server, the gateway, at {@code /} (the UI is served by the gateway, so "Try it out" calls
 * through it); and the two ways to call — a bearer JWT (end users, staff) and a signed host call.
 */
public final class ApiDocs {

    public static final String BEARER = "bearer";
    public static final String HOST = "host";

    private ApiDocs() {}

    public static OpenApiCustomizer customizer(String title, String version, String description) {
        // the caller comes from the gateway's signed identity headers, resolved by the kernel: not a parameter a
        // client sends (without this, every operation taking a Caller lists a required "caller" query parameter)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return api -> {
            api.info(new Info().title(title).version(version).description(description));
            api.servers(List.of(new Server().url("/").description("the gateway")));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("The brand's login token: sub = the user; "
                                    + "staff tokens carry their roles (OPS, FINANCE, ADMIN)."));
            components.addSecuritySchemes(
                    HOST,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER)
                            .name("X-Api-Key")
                            .description(
                                    "The brand's backend: every call "
                                            + "also carries X-Timestamp, X-Nonce and X-Signature = hex(HMAC-SHA256(secret, METHOD\\n"
                                            + "PATH[?QUERY]\\nTIMESTAMP\\nNONCE\\nhex(SHA-256(body)))) — see the gateway README."));
            api.components(components);
            api.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(HOST)));
        };
    }
}
