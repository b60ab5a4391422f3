package io.laxin.gateway;

import io.laxin.testsupport.TestInfrastructure;
import io.laxin.testsupport.TestKeys;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties every gateway IT sets: real Redis, the test key pairs of internal identity, and where the services are. */
final class GatewayTestProperties {

    private GatewayTestProperties() {}

    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.RedisAddress redis = TestInfrastructure.redis();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("laxin.redis.key-prefix", () -> "lxt:" + TestInfrastructure.randomToken(4) + ":");
        TestKeys.properties("gateway").forEach((name, value) -> registry.add(name, () -> value));
    }

    static void services(
            DynamicPropertyRegistry registry,
            Supplier<Object> invite,
            Supplier<Object> reward,
            Supplier<Object> poster,
            Supplier<Object> antifraud) {
        registry.add("laxin.services.invite-url", invite);
        registry.add("laxin.services.reward-url", reward);
        registry.add("laxin.services.poster-url", poster);
        registry.add("laxin.services.antifraud-url", antifraud);
        // webhook-service: the same stand-in as antifraud-service (both are admin-only back offices here)
        registry.add("laxin.services.webhook-url", antifraud);
    }
}
