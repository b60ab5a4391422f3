package io.laxin.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

class RedisNonceStoreTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    @SuppressWarnings("unchecked")
    private final ValueOperations<String, String> values = mock(ValueOperations.class);

    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    private final IdentitySignerTest.MutableClock clock =
            new IdentitySignerTest.MutableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final RedisNonceStore store = new RedisNonceStore(redis, "lx:", new InMemoryNonceStore(100, clock), clock);

    @Test
    void shouldSetEachNonceOnceInRedisWithItsTtl() {
        when(redis.opsForValue()).thenReturn(values);
        when(values.setIfAbsent("lx:identity:nonce:gateway:n1", "1", TTL)).thenReturn(true, false);

        assertThat(store.firstUse("gateway:n1", TTL)).isTrue();
        assertThat(store.firstUse("gateway:n1", TTL)).isFalse();
    }

    @Test
    void shouldRememberInMemoryWhileRedisIsAwayWithoutAskingItForEveryRequest() {
        when(redis.opsForValue()).thenReturn(values);
        when(values.setIfAbsent(anyString(), eq("1"), any(Duration.class)))
                .thenThrow(new RedisConnectionFailureException("down"));

        assertThat(store.firstUse("gateway:n1", TTL)).isTrue();
        assertThat(store.firstUse("gateway:n1", TTL)).isFalse();
        assertThat(store.firstUse("gateway:n2", TTL)).isTrue();
        verify(values, times(1)).setIfAbsent(anyString(), eq("1"), any(Duration.class));

        clock.now = clock.now.plus(RedisNonceStore.RETRY_AFTER).plusSeconds(1);
        assertThat(store.firstUse("gateway:n3", TTL)).isTrue();
        verify(values, times(2)).setIfAbsent(anyString(), eq("1"), any(Duration.class));
    }
}
