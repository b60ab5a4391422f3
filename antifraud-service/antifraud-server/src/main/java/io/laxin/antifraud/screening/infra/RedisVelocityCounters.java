package io.laxin.antifraud.screening.infra;

import io.laxin.antifraud.AntifraudProperties;
import io.laxin.antifraud.screening.domain.ConfigVersions;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.Velocity;
import io.laxin.antifraud.screening.domain.VelocityCounters;
import io.laxin.kernel.config.KernelProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The velocity counters in Redis, all read and incremented by one Lua script per screening (one round trip). Windows
 * are fixed hour / day buckets whose keys expire; each counter is a set of invitee ids, so a retried screening of the
 * same invitee counts once. The script also answers the phone hash's first owner, the openid's first sighting and the
 * shared rule-config version. (On Redis Cluster the keys would need one hash slot; this targets a single node.)
 */
@Repository
class RedisVelocityCounters implements VelocityCounters, ConfigVersions {

    static final String NONE = "-";
    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local r = {}
            for i = 1, 5 do
              if KEYS[i] ~= '-' then
                redis.call('SADD', KEYS[i], ARGV[1])
                if i == 1 or i == 5 then redis.call('EXPIRE', KEYS[i], ARGV[3]) else redis.call('EXPIRE', KEYS[i], ARGV[2]) end
                r[i] = tostring(redis.call('SCARD', KEYS[i]))
              else
                r[i] = '0'
              end
            end
            if KEYS[6] ~= '-' then
              redis.call('SADD', KEYS[6], ARGV[4])
              redis.call('EXPIRE', KEYS[6], ARGV[6])
              r[6] = tostring(redis.call('SCARD', KEYS[6]))
            else
              r[6] = '0'
            end
            r[7] = ''
            if KEYS[7] ~= '-' then
              local owner = redis.call('GET', KEYS[7])
              if owner then r[7] = owner else redis.call('SET', KEYS[7], ARGV[1], 'EX', ARGV[6]) end
            end
            r[8] = ''
            if KEYS[8] ~= '-' then
              local first = redis.call('GET', KEYS[8])
              if first then r[8] = first else
                local seen = ARGV[5]
                if ARGV[7] ~= '' then seen = ARGV[7] end
                redis.call('SET', KEYS[8], seen, 'EX', ARGV[6])
              end
            end
            r[9] = redis.call('GET', KEYS[9]) or '0'
            return r
            """, List.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration keepIdentities;

    RedisVelocityCounters(StringRedisTemplate redis, KernelProperties kernel, AntifraudProperties properties) {
        this.redis = redis;
        this.prefix = kernel.redis().keyPrefix() + "antifraud:";
        this.keepIdentities = properties.identityMemory();
    }

    String versionKey() {
        return prefix + "config-version";
    }

    @Override
    public Velocity countAndRead(RegistrationFacts f, Instant at) {
        long hour = at.getEpochSecond() / 3600;
        long day = at.getEpochSecond() / 86400;
        long c = f.campaignId();
        String subnet = f.subnet24();
        List<String> keys = List.of(
                known(f.inviteeDeviceId()) ? prefix + "dev:" + c + ":" + f.inviteeDeviceId() + ":d" + day : NONE,
                known(f.ip()) ? prefix + "ip:" + f.ip() + ":h" + hour : NONE,
                subnet != null ? prefix + "net:" + subnet + ":h" + hour : NONE,
                prefix + "ref:" + c + ":" + f.referrerUserId() + ":h" + hour,
                prefix + "ref:" + c + ":" + f.referrerUserId() + ":d" + day,
                known(f.inviteeUnionid()) && known(f.inviteeOpenid()) ? prefix + "union:" + f.inviteeUnionid() : NONE,
                known(f.inviteePhoneHash()) ? prefix + "phone:" + f.inviteePhoneHash() : NONE,
                known(f.inviteeOpenid()) ? prefix + "openid:" + f.inviteeOpenid() : NONE,
                versionKey());
        List<?> r = redis.execute(
                SCRIPT,
                keys,
                f.inviteeUserId(),
                "7200",
                "172800",
                known(f.inviteeOpenid()) ? f.inviteeOpenid() : "",
                Long.toString(at.toEpochMilli()),
                Long.toString(keepIdentities.toSeconds()),
                f.inviteeOpenidFirstSeenAt() == null
                        ? ""
                        : Long.toString(f.inviteeOpenidFirstSeenAt().toEpochMilli()));
        if (r == null || r.size() < 9) {
            throw new IllegalStateException("Velocity script answered " + r);
        }
        String owner = text(r.get(6));
        String firstSeen = text(r.get(7));
        return new Velocity(
                number(r.get(0)),
                number(r.get(1)),
                number(r.get(2)),
                number(r.get(3)),
                number(r.get(4)),
                number(r.get(5)),
                owner.isEmpty() ? null : owner,
                firstSeen.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(firstSeen)),
                number(r.get(8)));
    }

    @Override
    public void bump() {
        redis.opsForValue().increment(versionKey());
    }

    private static boolean known(String s) {
        return s != null && !s.isBlank();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static long number(Object o) {
        String s = text(o);
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }
}
