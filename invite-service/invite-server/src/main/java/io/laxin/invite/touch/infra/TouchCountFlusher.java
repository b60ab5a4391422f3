package io.laxin.invite.touch.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves touch counters from Redis to MySQL every couple of seconds ({@code laxin.invite.touch-flush-interval}).
 * Each campaign's counters are taken and cleared atomically (Lua), then added to {@code touch_count}; if the process
 * dies between the two, at most that one interval of counts is lost — never counted twice. Safe on several
 * replicas: a batch taken by one replica is gone for the others.
 */
@Component
public class TouchCountFlusher {

    private static final Logger log = LoggerFactory.getLogger(TouchCountFlusher.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local v = redis.call('HGETALL', KEYS[1])
            redis.call('DEL', KEYS[1])
            return v
            """, List.class);

    private final StringRedisTemplate redis;
    private final RedisTouches touches;

    TouchCountFlusher(StringRedisTemplate redis, RedisTouches touches) {
        this.redis = redis;
        this.touches = touches;
    }

    /** Flushes every campaign with pending counts; returns how many campaigns were flushed. */
    @Scheduled(fixedDelayString = "${laxin.invite.touch-flush-interval:2s}")
    public int flush() {
        Set<String> campaigns = redis.opsForSet().members(touches.dirtyKey());
        if (campaigns == null || campaigns.isEmpty()) {
            return 0;
        }
        int flushed = 0;
        for (String campaign : campaigns) {
            long campaignId = Long.parseLong(campaign);
            // un-mark first: a touch arriving after this marks the campaign again for the next round
            redis.opsForSet().remove(touches.dirtyKey(), campaign);
            @SuppressWarnings("unchecked")
            List<Object> taken = redis.execute(TAKE, List.of(touches.countersKey(campaignId)));
            if (taken == null || taken.isEmpty()) {
                continue;
            }
            Map<String, Long> deltas = new HashMap<>();
            for (int i = 0; i + 1 < taken.size(); i += 2) {
                deltas.put(taken.get(i).toString(), Long.parseLong(taken.get(i + 1).toString()));
            }
            try {
                touches.addToDatabase(campaignId, deltas);
                flushed++;
            } catch (RuntimeException e) {
                log.warn("Touch counts of campaign {} could not be written ({}); kept for the next round", campaignId,
                        e.toString());
                deltas.forEach((field, n) -> redis.opsForHash().increment(touches.countersKey(campaignId), field, n));
                redis.opsForSet().add(touches.dirtyKey(), campaign);
            }
        }
        return flushed;
    }
}
