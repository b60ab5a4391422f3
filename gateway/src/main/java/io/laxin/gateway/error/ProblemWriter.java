package io.laxin.gateway.error;

import io.laxin.kernel.api.ErrorCode;
import io.laxin.kernel.error.Problems;
import io.laxin.kernel.web.RequestIds;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own refusals as RFC 9457 problem+json, with the request id. */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String REQUEST_ID_ATTRIBUTE = RequestIds.class.getName();
    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Problems.MEDIA_TYPE);

    private ProblemWriter() {}

    public static Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail) {
        return write(exchange, code, detail, null);
    }

    /** With a {@code Retry-After} (seconds) when {@code retryAfterSeconds} is not null. */
    public static Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail, Long retryAfterSeconds) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = body(exchange, code, detail, code.status());
        response.setStatusCode(HttpStatusCode.valueOf(code.status()));
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(PROBLEM_JSON);
        if (code.status() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"laxin\"");
        }
        if (retryAfterSeconds != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem body for {@code code}, answered with {@code status} (a wrapped downstream status may differ). */
    public static byte[] body(ServerWebExchange exchange, ErrorCode code, String detail, int status) {
        String requestId = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        Map<String, Object> problem =
                Problems.body(code, detail, exchange.getRequest().getPath().value(), requestId);
        problem.put("status", status);
        return JSON.writeValueAsBytes(problem);
    }
}
