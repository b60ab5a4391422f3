package io.laxin.gateway.h5;

import io.laxin.gateway.web.StaticSite;
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
 * Serves the end users' invite page (module {@code h5/}, packed under {@code META-INF/laxin/h5/}) at {@code /h5/},
 * and its runtime settings at {@code /h5/config.json}. {@code /h5/**} is public: the page's data calls carry the
 * user's token, and its landing page ({@code /h5/landing?code=…}) needs none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "laxin.h5.enabled", matchIfMissing = true)
class H5Routes {

    private static final Logger log = LoggerFactory.getLogger(H5Routes.class);
    static final String PREFIX = "/h5";

    /**
     * Same-origin scripts and calls; the poster is shown from a blob: URL. The page leaves for the host's
     * registration page by navigation, which a CSP does not restrict; it is never framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    RouterFunction<ServerResponse> h5Router(H5Properties h5) {
        StaticSite site = new StaticSite(PREFIX, "META-INF/laxin/h5/", CONTENT_SECURITY_POLICY);
        if (!site.built()) {
            log.warn("The H5 page is not on the classpath (module h5/ not built); /h5/ answers 404");
        }
        return site.routes(settings(h5));
    }

    static Map<String, Object> settings(H5Properties h5) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("login", h5.login());
        config.put("campaignId", h5.campaignId());
        config.put("timeZone", h5.timeZone());
        config.put("locale", h5.locale());
        return config;
    }
}
