package io.laxin.gateway.auth;

import io.laxin.kernel.config.KernelProperties;
import java.time.Clock;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    JwtTokens jwtTokens(GatewayAuthProperties p, Clock clock) {
        return keyed(p, clock).rolesClaim(p.jwtRolesClaim());
    }

    private static JwtTokens keyed(GatewayAuthProperties p, Clock clock) {
        long configured = Stream.of(p.jwtHmacSecret(), p.jwtRsaPublicKey(), p.jwtJwksUrl())
                .filter(v -> v != null && !v.isBlank())
                .count();
        if (configured != 1) {
            throw new IllegalStateException("Set exactly one of laxin.gateway.auth.jwt-hmac-secret "
                    + "(LAXIN_JWT_HMAC_SECRET), jwt-rsa-public-key (LAXIN_JWT_RSA_PUBLIC_KEY) or jwt-jwks-url "
                    + "(LAXIN_JWT_JWKS_URL); " + configured + " are set");
        }
        if (p.jwtJwksUrl() != null && !p.jwtJwksUrl().isBlank()) {
            return JwtTokens.jwks(
                    p.jwtJwksUrl(),
                    p.jwtJwksTimeout(),
                    p.jwtJwksCacheTtl(),
                    p.jwtIssuer(),
                    p.jwtAudience(),
                    p.clockSkew(),
                    clock);
        }
        if (p.jwtRsaPublicKey() != null && !p.jwtRsaPublicKey().isBlank()) {
            return JwtTokens.rsa(p.jwtRsaPublicKey(), p.jwtIssuer(), p.jwtAudience(), p.clockSkew(), clock);
        }
        return JwtTokens.hmac(p.jwtHmacSecret(), p.jwtIssuer(), p.jwtAudience(), p.clockSkew(), clock);
    }

    @Bean
    HostApiKeys hostApiKeys(GatewayAuthProperties p) {
        HostApiKeys keys = new HostApiKeys(p.hostApiKeys());
        if (!keys.unscoped().isEmpty()) {
            LOG.warn(
                    "Host API keys {} may act on every campaign; scope each to its brand's campaigns with "
                            + "keyId=secret;campaigns=12|15 in LAXIN_HOST_API_KEYS",
                    keys.unscoped());
        }
        return keys;
    }

    @Bean
    HostRequests hostRequests(
            HostApiKeys keys, ReactiveStringRedisTemplate redis, KernelProperties kernel, Clock clock) {
        return new HostRequests(keys, redis, kernel.redis().keyPrefix(), clock);
    }

    @Bean
    AccessPolicy accessPolicy(GatewayAuthProperties p) {
        return new AccessPolicy(
                p.roleRules().stream().map(AccessPolicy.RoleRule::parse).toList());
    }
}
