package io.laxin.gateway.error;

import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself meets (no route, a limit, an open breaker, a service down, …) answers problem+json
 * with a stable code and the request id.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        BlockException block = blockException(ex);
        if (block instanceof DegradeException) {
            long openFor = block.getRule() instanceof DegradeRule rule ? rule.getTimeWindow() : 1;
            return ProblemWriter.write(
                    exchange,
                    GatewayErrorCode.DOWNSTREAM_CIRCUIT_OPEN,
                    "The service behind this route is failing; calls are paused, retry after " + openFor + " s",
                    (long) openFor);
        }
        if (block != null) {
            return ProblemWriter.write(
                    exchange, GatewayErrorCode.RATE_LIMITED, "Too many requests on this route; retry after 1 s", 1L);
        }
        if (ex instanceof LaxinException le) {
            return ProblemWriter.write(exchange, le.errorCode(), le.getMessage());
        }
        if (ex instanceof ServerWebInputException input) {
            return ProblemWriter.write(exchange, CommonErrorCode.VALIDATION_FAILED, describe(input));
        }
        if (ex instanceof ResponseStatusException rse) {
            int status = rse.getStatusCode().value();
            if (status == 404) {
                return ProblemWriter.write(
                        exchange,
                        CommonErrorCode.NOT_FOUND,
                        "No route for " + exchange.getRequest().getPath().value());
            }
            if (status == 503 || status == 502 || status == 504) {
                return ProblemWriter.write(exchange, CommonErrorCode.DOWNSTREAM_UNAVAILABLE, describe(rse));
            }
            if (status == 405) {
                return ProblemWriter.write(exchange, CommonErrorCode.METHOD_NOT_ALLOWED, rse.getReason());
            }
            if (status == 415) {
                return ProblemWriter.write(exchange, CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, rse.getReason());
            }
            if (status >= 400 && status < 500) {
                return ProblemWriter.write(exchange, CommonErrorCode.VALIDATION_FAILED, rse.getReason());
            }
        }
        if (causedBy(ex, ConnectException.class)
                || causedBy(ex, TimeoutException.class)
                || ex.getClass().getName().contains("Connect")) {
            log.warn("Downstream unavailable for {}: {}", exchange.getRequest().getPath(), ex.toString());
            return ProblemWriter.write(
                    exchange,
                    CommonErrorCode.DOWNSTREAM_UNAVAILABLE,
                    "The service behind this route is not answering; try again shortly");
        }
        log.error("Gateway error on {}", exchange.getRequest().getPath(), ex);
        return ProblemWriter.write(
                exchange, CommonErrorCode.INTERNAL_ERROR, "Something went wrong; quote the request id to support");
    }

    private static BlockException blockException(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof BlockException b) {
                return b;
            }
        }
        return null;
    }

    private static String describe(ResponseStatusException e) {
        String reason = e.getReason();
        if (e.getCause() != null && e.getCause().getMessage() != null && e instanceof ServerWebInputException) {
            reason = reason + ": " + e.getCause().getMessage();
        }
        return reason == null ? "The service behind this route is not answering" : reason;
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
