package io.laxin.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisNonceStoreTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    private final IdentitySignerTest.MutableClock clock =
            new IdentitySignerTest.MutableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final RedisNonceStore store = new RedisNonceStore(redis, "lx:", new InMemoryNonceStore(100, clock), clock);

    private Long script(String nonceKey, String signedAtMillis) {
        return redis.execute(
                eq(RedisNonces.SCRIPT),
                eq(List.of("lx:identity:nonce-epoch", nonceKey)),
                // the epoch set if Redis lost it: the start of the second before now (signatures carry whole seconds)
                eq(Long.toString(Instant.parse("2026-12-07T02:59:59Z").toEpochMilli())),
                eq(signedAtMillis),
                eq(Long.toString(TTL.toSeconds())),
                eq("1"));
    }

    @Test
    void shouldSetEachNonceOnceInRedisWithItsTtlAndSigningTime() {
        Instant signed = clock.now.minusSeconds(3);
        when(script("lx:identity:nonce:gateway:n1", Long.toString(signed.toEpochMilli())))
                .thenReturn(1L, 0L);

        assertThat(store.firstUse("gateway:n1", signed, TTL)).isTrue();
        assertThat(store.firstUse("gateway:n1", signed, TTL)).isFalse();
    }

    @Test
    void shouldRefuseWhatWasSignedBeforeRedisNonceMemoryBegan() {
        Instant signed = clock.now.minusSeconds(3);
        when(script("lx:identity:nonce:gateway:n1", Long.toString(signed.toEpochMilli())))
                .thenReturn(2L);

        assertThat(store.firstUse("gateway:n1", signed, TTL)).isFalse();
    }

    @Test
    void shouldRememberInMemoryWhileRedisIsAwayWithoutAskingItForEveryRequest() {
        when(redis.execute(eq(RedisNonces.SCRIPT), anyList(), any(), any(), any(), any()))
                .thenThrow(new RedisConnectionFailureException("down"));

        assertThat(store.firstUse("gateway:n1", clock.now, TTL)).isTrue();
        assertThat(store.firstUse("gateway:n1", clock.now, TTL)).isFalse();
        assertThat(store.firstUse("gateway:n2", clock.now, TTL)).isTrue();
        verify(redis, times(1)).execute(eq(RedisNonces.SCRIPT), anyList(), any(), any(), any(), any());

        clock.now = clock.now.plus(RedisNonceStore.RETRY_AFTER).plusSeconds(1);
        assertThat(store.firstUse("gateway:n3", clock.now, TTL)).isTrue();
        verify(redis, times(2)).execute(eq(RedisNonces.SCRIPT), anyList(), any(), any(), any(), any());
    }
}
