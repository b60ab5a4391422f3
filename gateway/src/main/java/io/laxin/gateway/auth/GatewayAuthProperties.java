package io.laxin.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code laxin.gateway.auth.*}: how end users, staff and host backends prove who they are.
 *
 * @param jwtHmacSecret  HS256 key of the brand's login tokens (env LAXIN_JWT_HMAC_SECRET; no default)
 * @param jwtIssuer      expected {@code iss}
 * @param jwtAudience    expected {@code aud}
 * @param clockSkew      tolerance on {@code exp} / {@code nbf}
 * @param hostApiKeys    host backends' keys, {@code keyId=secret,keyId2=secret2} (env LAXIN_HOST_API_KEYS)
 */
@ConfigurationProperties("laxin.gateway.auth")
public record GatewayAuthProperties(
        String jwtHmacSecret,
        @DefaultValue("https://login.brand.example") String jwtIssuer,
        @DefaultValue("laxin") String jwtAudience,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("") String hostApiKeys) {
}
