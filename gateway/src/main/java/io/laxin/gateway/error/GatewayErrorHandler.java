package io.laxin.gateway.error;

import io.laxin.kernel.api.CommonErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Every error the gateway itself meets (no route, downstream down, …) answers problem+json with a stable code. */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            int status = rse.getStatusCode().value();
            if (status == 404) {
                return ProblemWriter.write(exchange, CommonErrorCode.NOT_FOUND,
                        "No route for " + exchange.getRequest().getPath().value());
            }
            if (status == 503 || status == 502 || status == 504) {
                return ProblemWriter.write(exchange, CommonErrorCode.DOWNSTREAM_UNAVAILABLE, describe(rse));
            }
            if (status == 405) {
                return ProblemWriter.write(exchange, CommonErrorCode.METHOD_NOT_ALLOWED, rse.getReason());
            }
            if (status >= 400 && status < 500) {
                return ProblemWriter.write(exchange, CommonErrorCode.VALIDATION_FAILED, rse.getReason());
            }
        }
        if (causedBy(ex, ConnectException.class) || causedBy(ex, TimeoutException.class)
                || ex.getClass().getName().contains("Connect")) {
            log.warn("Downstream unavailable for {}: {}", exchange.getRequest().getPath(), ex.toString());
            return ProblemWriter.write(exchange, CommonErrorCode.DOWNSTREAM_UNAVAILABLE,
                    "The service behind this route is not answering; try again shortly");
        }
        log.error("Gateway error on {}", exchange.getRequest().getPath(), ex);
        return ProblemWriter.write(exchange, CommonErrorCode.INTERNAL_ERROR,
                "Something went wrong; quote the request id to support");
    }

    private static String describe(ResponseStatusException e) {
        return e.getReason() == null ? "The service behind this route is not answering" : e.getReason();
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
