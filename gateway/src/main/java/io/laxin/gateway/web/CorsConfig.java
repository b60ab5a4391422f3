package io.laxin.gateway.web;

import io.laxin.kernel.web.RequestIds;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS before anything else, so a browser's preflight (which carries no credentials) is answered here and never
 * reaches authentication. Credentials are bearer tokens, not cookies: no {@code allowCredentials}.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CorsWebFilter corsWebFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT,
                "Idempotency-Key",
                "X-Device-Id",
                RequestIds.HEADER));
        cors.setExposedHeaders(List.of(RequestIds.HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/s/**", cors);
        return new CorsWebFilter(source);
    }
}
