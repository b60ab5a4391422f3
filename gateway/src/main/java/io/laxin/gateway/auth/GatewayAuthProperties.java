package io.laxin.gateway.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code laxin.gateway.auth.*}: how end users, staff and host backends prove who they are. Exactly one of
 * {@code jwtHmacSecret}, {@code jwtRsaPublicKey}, {@code jwtJwksUrl} names the key of the brand's login tokens.
 *
 * @param jwtHmacSecret   HS256/384/512 key of the brand's login tokens (env LAXIN_JWT_HMAC_SECRET)
 * @param jwtRsaPublicKey PEM RSA public key (env LAXIN_JWT_RSA_PUBLIC_KEY)
 * @param jwtJwksUrl      the brand's JWKS URL (env LAXIN_JWT_JWKS_URL)
 * @param jwtJwksTimeout  connect and read timeout of a JWKS fetch
 * @param jwtJwksCacheTtl how long fetched keys are used before refetching
 * @param jwtIssuer       expected {@code iss}
 * @param jwtAudience     expected {@code aud}
 * @param jwtRolesClaim   the claim holding staff roles: a name or a dotted path ({@code realm_access.roles})
 * @param clockSkew       tolerance on {@code exp} / {@code nbf}
 * @param hostApiKeys     host backends' keys, {@code keyId=secret,keyId2=secret2} (env LAXIN_HOST_API_KEYS)
 * @param hostMaxBody     the largest host request body the gateway reads to check its digest
 * @param roleRules       staff routes needing particular roles, {@code [METHOD,METHOD ]pattern=ROLE|ROLE}
 */
@ConfigurationProperties("laxin.gateway.auth")
public record GatewayAuthProperties(
        String jwtHmacSecret,
        String jwtRsaPublicKey,
        String jwtJwksUrl,
        @DefaultValue("2s") Duration jwtJwksTimeout,
        @DefaultValue("10m") Duration jwtJwksCacheTtl,
        @DefaultValue("https://login.brand.example") String jwtIssuer,
        @DefaultValue("laxin") String jwtAudience,
        @DefaultValue("roles") String jwtRolesClaim,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("") String hostApiKeys,
        @DefaultValue("64KB") DataSize hostMaxBody,

        @DefaultValue({
            "/api/v1/admin/gateway/**=ADMIN",
            "/api/v1/admin/finance/**=FINANCE",
            "/api/v1/admin/settlements/**=FINANCE",
            "/api/v1/admin/reports/**=FINANCE|ADMIN",
            "/api/v1/admin/rewards/release-runs/**=FINANCE|ADMIN",
            "POST,PATCH,PUT,DELETE /api/v1/admin/campaigns/**=OPS",
            "POST,PUT,DELETE /api/v1/admin/rewards/**=FINANCE",
            "/api/v1/admin/posters/**=OPS",
            "/api/v1/admin/risk/**=OPS"
        })
        List<String> roleRules) {}
