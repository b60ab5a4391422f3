package io.laxin.gateway.error;

import io.laxin.kernel.api.ErrorCode;
import io.laxin.kernel.error.Problems;
import io.laxin.kernel.web.RequestIds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own refusals as RFC 9457 problem+json, with the request id. */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String REQUEST_ID_ATTRIBUTE = RequestIds.class.getName();

    private ProblemWriter() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        String requestId = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        byte[] body = JSON.writeValueAsBytes(Problems.body(code, detail, exchange.getRequest().getPath().value(),
                requestId));
        response.setStatusCode(HttpStatus.valueOf(code.status()));
        response.getHeaders().setContentType(MediaType.parseMediaType(Problems.MEDIA_TYPE));
        if (code.status() == 401) {
            response.getHeaders().set("WWW-Authenticate", "Bearer realm=\"laxin\"");
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
