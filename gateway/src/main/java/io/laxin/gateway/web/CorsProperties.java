package io.laxin.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.gateway.cors.*}: the brand's H5 pages that may call the API from a browser.
 *
 * @param allowedOrigins exact origins ({@code https://h5.brand.example}) or patterns ({@code https://*.brand.example});
 *                       empty: no cross-origin calls
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("laxin.gateway.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {}
