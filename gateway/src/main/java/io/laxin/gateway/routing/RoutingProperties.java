package io.laxin.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code laxin.gateway.max-body}: the routing settings not grouped elsewhere (auth, flow, CORS have their records).
 *
 * @param maxBody the largest body of a routed request: the gateway reads it once to sign its digest (larger: 413
 *                BODY_TOO_LARGE); a route may allow more ({@code metadata.max-body})
 */
@ConfigurationProperties("laxin.gateway")
public record RoutingProperties(@DefaultValue("1MB") DataSize maxBody) {

    public RoutingProperties {
        if (maxBody == null || maxBody.toBytes() < 1) {
            throw new IllegalArgumentException("laxin.gateway.max-body must be at least 1 byte, was " + maxBody);
        }
    }
}
