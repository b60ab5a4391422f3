package io.laxin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.gateway.error.ProblemWriter;
import io.laxin.kernel.identity.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class AccessLogTest {

    @Test
    void shouldWriteOneJsonLineWithoutTokensQueryOrCallerId() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/s/AB12CD34?phone=13800138000")
                .header("Authorization", "Bearer secret-token"));
        exchange.getAttributes().put(ProblemWriter.REQUEST_ID_ATTRIBUTE, "req-1234567");
        exchange.getAttributes().put(AuthenticationWebFilter.CALLER_ATTRIBUTE, Caller.user("u-13800138000"));

        String line = AccessLog.line(exchange);

        var json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("path").asString()).isEqualTo("/s/AB12CD34");
        assertThat(json.get("method").asString()).isEqualTo("GET");
        assertThat(json.get("caller").asString()).isEqualTo("USER");
        assertThat(json.get("requestId").asString()).isEqualTo("req-1234567");
        assertThat(line)
                .doesNotContain("secret-token")
                .doesNotContain("13800138000")
                .doesNotContain("\n");
    }
}
