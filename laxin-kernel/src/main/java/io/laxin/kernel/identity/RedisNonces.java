package io.laxin.kernel.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Accepting a nonce once in Redis when Redis may lose what it held (ADR 0007, as built): next to the nonces an epoch
 * key holds the time (epoch millis, a whole second) since which Redis holds them. One script reads it — recreating it
 * with the start of the previous second when it is missing, i.e. when Redis was flushed or restarted empty — refuses a
 * signature made before it (its nonce may have been used and forgotten), and otherwise {@code SET nonce NX EX ttl}. A
 * legitimate request signed before the second preceding the loss is refused once and signed afresh on retry. Used by the services' {@link RedisNonceStore} and the gateway's host
 * signatures; each names its own keys.
 */
public final class RedisNonces {

    /** What the script says about one nonce. */
    public enum Outcome {
        /** Not seen before: accepted, now remembered. */
        FIRST_USE,
        /** Seen before: a replay. */
        REUSED,
        /** Signed before Redis's nonce memory began: it may have been used and forgotten. */
        SIGNED_BEFORE_EPOCH
    }

    /** KEYS[1] epoch, KEYS[2] nonce; ARGV the epoch to set if missing (millis of the previous second's start), signed-at millis, TTL seconds, value. */
    public static final RedisScript<Long> SCRIPT = RedisScript.of("""
            local epoch = redis.call('GET', KEYS[1])
            if not epoch then
              epoch = ARGV[1]
              redis.call('SET', KEYS[1], epoch)
            end
            if tonumber(ARGV[2]) < tonumber(epoch) then return 2 end
            if redis.call('SET', KEYS[2], ARGV[4], 'NX', 'EX', ARGV[3]) then return 1 end
            return 0
            """, Long.class);

    private RedisNonces() {}

    /**
     * The epoch a store sets when it starts and finds none: the start of the previous second, as when the script finds
     * its epoch gone. Signatures carry whole seconds: an exact epoch would refuse every call signed in the second of
     * the loss, legitimate ones too (a user's request answered 401 right after Redis restarted), and one second more
     * lets a call signed just before a second's turn and checked just after it through. The price: a header set
     * signed and used in the loss's second or the one before, before the loss, stays replayable within its validity.
     */
    public static String startingEpoch(Clock clock) {
        return epochOf(clock.instant());
    }

    private static String epochOf(Instant now) {
        return Long.toString((now.getEpochSecond() - 1) * 1000);
    }

    public static List<String> keys(String epochKey, String nonceKey) {
        return List.of(epochKey, nonceKey);
    }

    public static Object[] args(Instant now, Instant signedAt, Duration ttl, String value) {
        return new Object[] {epochOf(now), Long.toString(signedAt.toEpochMilli()), Long.toString(ttl.toSeconds()), value
        };
    }

    public static Outcome outcome(Long answer) {
        if (answer == null) {
            throw new IllegalStateException("The nonce script answered nothing");
        }
        return switch (answer.intValue()) {
            case 1 -> Outcome.FIRST_USE;
            case 2 -> Outcome.SIGNED_BEFORE_EPOCH;
            default -> Outcome.REUSED;
        };
    }
}
