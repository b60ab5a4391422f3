package io.laxin.kernel.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.kernel.error.LaxinException;
import io.laxin.testsupport.MutableClock;
import io.laxin.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The use case's way to honour an Idempotency-Key, against the real database migrated by the kernel's scripts. */
class IdempotentRequestsIT {

    static JdbcTemplate jdbc;
    static TransactionTemplate tx;
    static IdempotentRequests requests;

    record Answered(long id, String name) {}

    @BeforeAll
    static void database() {
        TestInfrastructure.MySql server = TestInfrastructure.mysql();
        String url = TestInfrastructure.createDatabase("idempotency");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, server.user(), server.password());
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/kernel")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        requests = new IdempotentRequests(jdbc, JsonMapper.builder().build(), new MutableClock());
    }

    private static IdempotentRequests.Answer<Long, Answered> answer(String key, Object request) {
        return new IdempotentRequests.Answer<>(
                requests.key("it.name", key, request), Answered.class, id -> new Answered(id, "n-" + id));
    }

    private static int recorded(String key) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM idempotency_record WHERE scope = 'it.name' AND idem_key = ?", Integer.class, key);
    }

    @Test
    void shouldRefuseToRunOutsideATransactionAndRunNothing() {
        AtomicInteger runs = new AtomicInteger();
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> requests.once(answer(key, Map.of("n", 1)), () -> (long) runs.incrementAndGet()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the use case's transaction");
        assertThatThrownBy(() -> requests.once(answer(null, Map.of("n", 1)), () -> (long) runs.incrementAndGet()))
                .as("without a key too: the use case opens its transaction either way")
                .isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(0);
        assertThat(recorded(key)).isZero();
    }

    @Test
    void shouldAnswerAReplayWithTheFirstAnswerAndRunTheEffectOnce() {
        AtomicInteger runs = new AtomicInteger();
        String key = UUID.randomUUID().toString();

        Answered first =
                tx.execute(s -> requests.once(answer(key, Map.of("n", 1)), () -> 40L + runs.incrementAndGet()));
        Answered replay =
                tx.execute(s -> requests.once(answer(key, Map.of("n", 1)), () -> 40L + runs.incrementAndGet()));

        assertThat(first).isEqualTo(new Answered(41, "n-41"));
        assertThat(replay).isEqualTo(first);
        assertThat(runs).hasValue(1);
        assertThat(requests.earlier(answer(key, Map.of("n", 1)))).contains(first);
        assertThat(requests.earlier(answer(null, Map.of("n", 1)))).isEmpty();
        assertThatThrownBy(() -> tx.execute(s -> requests.once(answer(key, Map.of("n", 2)), () -> 7L)))
                .isInstanceOf(LaxinException.class)
                .hasMessageContaining("different request body");
    }

    @Test
    void shouldLeaveNoKeyWhenTheEffectFailsSoTheRetryRuns() {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> tx.execute(s -> requests.once(answer(key, Map.of("n", 1)), () -> {
                    throw new IllegalArgumentException("refused");
                })))
                .hasMessage("refused");

        assertThat(recorded(key)).isZero();
        Answered retried = tx.execute(s -> requests.once(answer(key, Map.of("n", 1)), () -> 5L));
        assertThat(retried).isEqualTo(new Answered(5, "n-5"));
        assertThat(recorded(key)).isOne();
    }
}
