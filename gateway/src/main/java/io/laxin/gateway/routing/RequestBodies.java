package io.laxin.gateway.routing;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading a request body once, bounded, so it can be hashed, and handing the same bytes on downstream. */
final class RequestBodies {

    private RequestBodies() {}

    /**
     * The whole body (empty when there is none), copied out of the pooled buffers; longer than {@code maxBytes}: an
     * error signal carrying {@link org.springframework.core.io.buffer.DataBufferLimitException}.
     */
    static Mono<byte[]> read(ServerHttpRequest request, int maxBytes) {
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    /** The request with {@code body} as its body, readable any number of times. */
    static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> body.length == 0
                        ? Flux.empty()
                        : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }
}
