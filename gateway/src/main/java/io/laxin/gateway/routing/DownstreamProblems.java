package io.laxin.gateway.routing;

import io.laxin.gateway.error.GatewayErrorCode;
import io.laxin.gateway.error.ProblemWriter;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.ErrorCode;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's error answer reaches the client as problem+json: a problem body passes through untouched; any other
 * error body (an HTML error page, a bare proxy 502, …) is dropped and replaced by a problem with a stable code and the
 * request id. 5xx answers become 502 DOWNSTREAM_FAILED (503 stays DOWNSTREAM_UNAVAILABLE).
 */
final class DownstreamProblems extends ServerHttpResponseDecorator {

    private final ServerWebExchange exchange;

    DownstreamProblems(ServerWebExchange exchange) {
        super(exchange.getResponse());
        this.exchange = exchange;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        HttpStatusCode status = getStatusCode();
        if (status == null || status.value() < 400 || isProblem(getHeaders().getContentType())) {
            return super.writeWith(body);
        }
        int downstream = status.value();
        ErrorCode code = codeFor(downstream);
        int answered = downstream >= 500 ? code.status() : downstream;
        byte[] problem = ProblemWriter.body(
                exchange,
                code,
                downstream >= 500
                        ? "The service behind this route answered " + downstream + "; quote the request id to support"
                        : "The service behind this route refused the request (" + downstream + ")",
                answered);
        return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(() -> {
            setStatusCode(HttpStatusCode.valueOf(answered));
            HttpHeaders headers = getHeaders();
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentType(ProblemWriter.PROBLEM_JSON);
            headers.setContentLength(problem.length);
            return super.writeWith(Mono.just(bufferFactory().wrap(problem)));
        }));
    }

    private static boolean isProblem(MediaType type) {
        return type != null && type.isCompatibleWith(ProblemWriter.PROBLEM_JSON);
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> CommonErrorCode.UNAUTHENTICATED;
            case 403 -> CommonErrorCode.FORBIDDEN;
            case 404 -> CommonErrorCode.NOT_FOUND;
            case 405 -> CommonErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> CommonErrorCode.NOT_ACCEPTABLE;
            case 409 -> CommonErrorCode.CONFLICT;
            case 415 -> CommonErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> CommonErrorCode.TOO_MANY_REQUESTS;
            case 503 -> CommonErrorCode.DOWNSTREAM_UNAVAILABLE;
            default -> status >= 500 ? GatewayErrorCode.DOWNSTREAM_FAILED : CommonErrorCode.VALIDATION_FAILED;
        };
    }
}
