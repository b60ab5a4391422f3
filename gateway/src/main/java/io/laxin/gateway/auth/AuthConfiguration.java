package io.laxin.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    JwtTokens jwtTokens(GatewayAuthProperties p, Clock clock) {
        return new JwtTokens(p.jwtHmacSecret(), p.jwtIssuer(), p.jwtAudience(), p.clockSkew(), clock);
    }

    @Bean
    HostApiKeys hostApiKeys(GatewayAuthProperties p) {
        return new HostApiKeys(p.hostApiKeys());
    }
}
