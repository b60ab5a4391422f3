package io.laxin.gateway.auth;

import io.laxin.gateway.error.GatewayErrorCode;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.RedisNonces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Checks a signed host request: known key, timestamp within ±5 minutes, signature over method, path and query,
 * timestamp, nonce and body digest, and a nonce never seen before (remembered in Redis, SET NX with a TTL, only once
 * the signature is valid so nobody can burn a host's nonces). A call signed before Redis's nonce memory began (Redis
 * flushed or restarted empty: {@link RedisNonces}) is refused, so a captured call cannot be replayed then; the host
 * signs it again. The caller carries the campaigns the key is scoped to.
 */
public final class HostRequests {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final HostApiKeys keys;
    private final ReactiveStringRedisTemplate redis;
    private final String noncePrefix;
    private final String epochKey;
    private final Clock clock;

    public HostRequests(HostApiKeys keys, ReactiveStringRedisTemplate redis, String keyPrefix, Clock clock) {
        this.keys = keys;
        this.redis = redis;
        this.noncePrefix = keyPrefix + "gateway:nonce:";
        this.epochKey = keyPrefix + "gateway:nonce-epoch";
        // a fresh Redis's memory begins before the first call, not with it (which would refuse that call once)
        redis.opsForValue()
                .setIfAbsent(epochKey, RedisNonces.startingEpoch(clock))
                .onErrorResume(e -> Mono.just(false))
                .block(java.time.Duration.ofSeconds(5));
        this.clock = clock;
    }

    /** The host caller, or an error signal carrying {@link JwtTokens.Rejected}. */
    public Mono<Caller> verify(
            String keyId,
            String timestamp,
            String nonce,
            String signature,
            String method,
            String pathAndQuery,
            byte[] body) {
        if (timestamp == null || nonce == null || signature == null) {
            return reject(
                    GatewayErrorCode.SIGNATURE_INVALID,
                    "A host call needs " + HostSignatures.TIMESTAMP + ", "
                            + HostSignatures.NONCE + " and " + HostSignatures.SIGNATURE + " headers besides "
                            + HostSignatures.API_KEY);
        }
        byte[] secret = keys.secret(keyId).orElse(null);
        if (secret == null) {
            return reject(GatewayErrorCode.API_KEY_UNKNOWN, "No API key with id '" + keyId + "'");
        }
        long epoch;
        try {
            epoch = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return reject(
                    GatewayErrorCode.TIMESTAMP_OUT_OF_RANGE,
                    HostSignatures.TIMESTAMP + " must be the signing time in epoch seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - epoch) > HostSignatures.MAX_SKEW.toSeconds()) {
            return reject(
                    GatewayErrorCode.TIMESTAMP_OUT_OF_RANGE,
                    HostSignatures.TIMESTAMP + " is " + (now - epoch)
                            + " s from the gateway's clock; sign each call when sending it (±"
                            + HostSignatures.MAX_SKEW.toMinutes() + " min)");
        }
        if (!NONCE.matcher(nonce).matches()) {
            return reject(
                    GatewayErrorCode.SIGNATURE_INVALID,
                    HostSignatures.NONCE + " must be 16–64 characters of A-Z a-z 0-9 _ -");
        }
        String expected = HostSignatures.signature(
                secret, HostSignatures.canonical(method, pathAndQuery, timestamp, nonce, body));
        if (!HostSignatures.matches(expected, signature)) {
            return reject(
                    GatewayErrorCode.SIGNATURE_INVALID,
                    HostSignatures.SIGNATURE + " does not match method, "
                            + "path and query, timestamp, nonce and body digest");
        }
        return redis.execute(
                        RedisNonces.SCRIPT,
                        RedisNonces.keys(epochKey, noncePrefix + keyId + ":" + nonce),
                        List.of(RedisNonces.args(
                                clock.instant(), Instant.ofEpochSecond(epoch), HostSignatures.NONCE_TTL, timestamp)))
                .next()
                .map(RedisNonces::outcome)
                .onErrorMap(e -> new JwtTokens.Rejected(
                        GatewayErrorCode.DEPENDENCY_UNAVAILABLE, "The nonce store is unavailable; try again shortly"))
                .flatMap(outcome -> switch (outcome) {
                    case FIRST_USE -> Mono.just(Caller.host(keyId, keys.campaigns(keyId)));
                    case SIGNED_BEFORE_EPOCH ->
                        reject(
                                GatewayErrorCode.TIMESTAMP_OUT_OF_RANGE,
                                HostSignatures.TIMESTAMP + " is before the gateway's nonce memory began (it restarted);"
                                        + " sign the call again");
                    case REUSED ->
                        reject(
                                GatewayErrorCode.NONCE_REUSED,
                                "Nonce '" + nonce + "' was already used; use a fresh one for every call");
                });
    }

    private static <T> Mono<T> reject(GatewayErrorCode code, String reason) {
        return Mono.error(new JwtTokens.Rejected(code, reason));
    }
}
