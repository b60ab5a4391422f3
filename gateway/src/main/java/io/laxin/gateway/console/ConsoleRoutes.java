package io.laxin.gateway.console;

import io.laxin.gateway.auth.GatewayAuthProperties;
import io.laxin.gateway.web.StaticSite;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the staff console (module {@code console/}, packed under {@code META-INF/laxin/console/}) at
 * {@code /console/}, and its runtime settings at {@code /console/config.json}. These routes come before the proxy
 * routes; {@code /console/**} is public (the console's data calls carry the staff token).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "laxin.console.enabled", matchIfMissing = true)
class ConsoleRoutes {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    static final String PREFIX = "/console";

    @Bean
    RouterFunction<ServerResponse> consoleRouter(ConsoleProperties console, GatewayAuthProperties auth) {
        StaticSite site = new StaticSite(PREFIX, "META-INF/laxin/console/", contentSecurityPolicy(console));
        if (!site.built()) {
            log.warn("The console is not on the classpath (module console/ not built); /console/ answers 404");
        }
        return site.routes(settings(console, auth));
    }

    static Map<String, Object> settings(ConsoleProperties console, GatewayAuthProperties auth) {
        Map<String, Object> oidc = new LinkedHashMap<>();
        oidc.put("issuer", console.oidc().issuer());
        oidc.put("clientId", console.oidc().clientId());
        oidc.put("scopes", console.oidc().scopes());
        oidc.put("audience", console.oidc().audience());
        oidc.put("rolesClaim", auth.jwtRolesClaim());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("login", console.login());
        config.put("oidc", oidc);
        config.put("timeZone", console.timeZone());
        config.put("locale", console.locale());
        return config;
    }

    /** Same-origin everything; the identity provider may be fetched (discovery, token) and navigated to. */
    static String contentSecurityPolicy(ConsoleProperties console) {
        String idp = "";
        String issuer = console.oidc().issuer();
        if (issuer != null && !issuer.isBlank()) {
            URI u = URI.create(issuer);
            idp = " " + u.getScheme() + "://" + u.getAuthority();
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self'" + idp + "; form-action 'self'" + idp
                + "; frame-ancestors 'none'; base-uri 'self'";
    }
}
