package io.laxin.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/rewards/mine");

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseOrRedisDoesNotAnswer() {
        for (Exception down : new Exception[] {
            new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timeout")),
            new CannotCreateTransactionException("no connection"),
            new DataAccessResourceFailureException("Unable to connect to Redis"),
            new QueryTimeoutException("Redis command timed out")
        }) {
            var answer = handler.storeUnavailable(down, request);

            assertThat(answer.getStatusCode().value()).as(down.toString()).isEqualTo(503);
            assertThat(answer.getBody()).containsEntry("code", "DOWNSTREAM_UNAVAILABLE");
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void shouldStillAnswer500ForABug() {
        assertThat(handler.unexpected(new NullPointerException(), request)
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }
}
