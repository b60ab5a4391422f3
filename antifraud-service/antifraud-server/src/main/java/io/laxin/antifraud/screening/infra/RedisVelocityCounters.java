package io.laxin.antifraud.screening.infra;

import io.laxin.antifraud.AntifraudProperties;
import io.laxin.antifraud.screening.domain.ConfigVersions;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.Velocity;
import io.laxin.antifraud.screening.domain.VelocityCounters;
import io.laxin.kernel.config.KernelProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The velocity counters in Redis, all read and incremented by one Lua script per screening (one round trip). Windows
 * are fixed hour / day buckets whose keys expire; each counter is a set of invitee ids, so a retried screening of the
 * same invitee counts once. The script also answers the phone hash's first owner, the openid's first sighting and the
 * shared rule-config version. (On Redis Cluster the keys would need one hash slot; this targets a single node.)
 *
 * <p>Redis may lose them (flushed, restarted without its files): the script keeps an epoch key, the time Redis's
 * antifraud state began, and recreates it with now when it is missing. A key the script had to create although its
 * window began before that epoch may have lost members, so it is rebuilt from the stored screenings (one statement,
 * {@link ScreeningHistory}) and the members put back (a second script) before its count is trusted. A key created
 * after the epoch began, or one that already existed, needs neither (ADR 0009).
 */
@Repository
class RedisVelocityCounters implements VelocityCounters, ConfigVersions {

    static final String NONE = "-";
    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local r = {}
            local fresh = {'0', '0', '0', '0', '0', '0', '0', '0'}
            for i = 1, 5 do
              if KEYS[i] ~= '-' then
                local added = redis.call('SADD', KEYS[i], ARGV[1])
                if i == 1 or i == 5 then redis.call('EXPIRE', KEYS[i], ARGV[3]) else redis.call('EXPIRE', KEYS[i], ARGV[2]) end
                r[i] = tostring(redis.call('SCARD', KEYS[i]))
                if added == 1 and r[i] == '1' then fresh[i] = '1' end
              else
                r[i] = '0'
              end
            end
            if KEYS[6] ~= '-' then
              local added = redis.call('SADD', KEYS[6], ARGV[4])
              redis.call('EXPIRE', KEYS[6], ARGV[6])
              r[6] = tostring(redis.call('SCARD', KEYS[6]))
              if added == 1 and r[6] == '1' then fresh[6] = '1' end
            else
              r[6] = '0'
            end
            r[7] = ''
            if KEYS[7] ~= '-' then
              local owner = redis.call('GET', KEYS[7])
              if owner then r[7] = owner else
                redis.call('SET', KEYS[7], ARGV[1], 'EX', ARGV[6])
                fresh[7] = '1'
              end
            end
            r[8] = ''
            if KEYS[8] ~= '-' then
              local first = redis.call('GET', KEYS[8])
              if first then r[8] = first else
                fresh[8] = '1'
                local seen = ARGV[5]
                if ARGV[7] ~= '' then seen = ARGV[7] end
                redis.call('SET', KEYS[8], seen, 'EX', ARGV[6])
              end
            end
            r[9] = redis.call('GET', KEYS[9]) or '0'
            local epoch = redis.call('GET', KEYS[10])
            if not epoch then
              epoch = ARGV[8]
              redis.call('SET', KEYS[10], epoch)
            end
            r[10] = epoch
            r[11] = table.concat(fresh)
            return r
            """, List.class);

    /**
     * Puts rebuilt members back: per key, ARGV holds its kind ({@code set}: add members, answer the count;
     * {@code value}: set the one value), its TTL in seconds, how many values follow, and the values.
     */
    private static final RedisScript<List> REBUILD = RedisScript.of("""
            local r = {}
            local a = 1
            for i = 1, #KEYS do
              local kind = ARGV[a]
              local ttl = ARGV[a + 1]
              local n = tonumber(ARGV[a + 2])
              a = a + 3
              if kind == 'set' then
                for j = 0, n - 1 do redis.call('SADD', KEYS[i], ARGV[a + j]) end
                redis.call('EXPIRE', KEYS[i], ttl)
                r[i] = tostring(redis.call('SCARD', KEYS[i]))
              else
                redis.call('SET', KEYS[i], ARGV[a], 'EX', ttl)
                r[i] = ARGV[a]
              end
              a = a + n
            end
            return r
            """, List.class);

    private static final long HOUR = 3600;
    private static final long DAY = 86400;
    /** TTLs of the hour and day windows: each key outlives its window. */
    private static final long HOUR_TTL = 2 * HOUR;

    private static final long DAY_TTL = 2 * DAY;

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration keepIdentities;
    private final ScreeningHistory history;
    private final Clock clock;

    RedisVelocityCounters(
            StringRedisTemplate redis,
            KernelProperties kernel,
            AntifraudProperties properties,
            ScreeningHistory history,
            Clock clock) {
        this.redis = redis;
        this.prefix = kernel.redis().keyPrefix() + "antifraud:";
        this.keepIdentities = properties.identityMemory();
        this.history = history;
        this.clock = clock;
    }

    String versionKey() {
        return prefix + "config-version";
    }

    /** Since when (epoch millis) Redis holds the antifraud state; recreated with now when Redis lost it. */
    String epochKey() {
        return prefix + "epoch";
    }

    @Override
    public Velocity countAndRead(RegistrationFacts f, Instant at) {
        long hour = at.getEpochSecond() / HOUR;
        long day = at.getEpochSecond() / DAY;
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
                versionKey(),
                epochKey());
        String openidSeen = f.inviteeOpenidFirstSeenAt() == null
                ? Long.toString(at.toEpochMilli())
                : Long.toString(f.inviteeOpenidFirstSeenAt().toEpochMilli());
        List<?> r = redis.execute(
                SCRIPT,
                keys,
                f.inviteeUserId(),
                Long.toString(HOUR_TTL),
                Long.toString(DAY_TTL),
                known(f.inviteeOpenid()) ? f.inviteeOpenid() : "",
                Long.toString(at.toEpochMilli()),
                Long.toString(keepIdentities.toSeconds()),
                f.inviteeOpenidFirstSeenAt() == null
                        ? ""
                        : Long.toString(f.inviteeOpenidFirstSeenAt().toEpochMilli()),
                Long.toString(clock.millis()));
        if (r == null || r.size() < 11) {
            throw new IllegalStateException("Velocity script answered " + r);
        }
        String[] answers = new String[8];
        for (int i = 0; i < 8; i++) {
            answers[i] = text(r.get(i));
        }
        Instant epoch = Instant.ofEpochMilli(number(r.get(9)));
        List<Rebuild> lost = lost(f, at, keys, text(r.get(10)), epoch);
        if (!lost.isEmpty()) {
            rebuild(lost, answers, openidSeen);
        }
        String owner = answers[6];
        String firstSeen = answers[7];
        return new Velocity(
                number(answers[0]),
                number(answers[1]),
                number(answers[2]),
                number(answers[3]),
                number(answers[4]),
                number(answers[5]),
                owner.isEmpty() ? null : owner,
                firstSeen.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(firstSeen)),
                number(r.get(8)));
    }

    /** A key the script created although its window began before Redis's epoch, and how to rebuild it. */
    private record Rebuild(String key, long ttlSeconds, ScreeningHistory.Question question) {

        int slot() {
            return question.slot();
        }
    }

    private List<Rebuild> lost(RegistrationFacts f, Instant at, List<String> keys, String fresh, Instant epoch) {
        Instant hourStart = Instant.ofEpochSecond(at.getEpochSecond() / HOUR * HOUR);
        Instant dayStart = Instant.ofEpochSecond(at.getEpochSecond() / DAY * DAY);
        Instant identitiesFrom = at.minus(keepIdentities);
        Instant hourEnd = hourStart.plusSeconds(HOUR);
        Instant dayEnd = dayStart.plusSeconds(DAY);
        long c = f.campaignId();
        List<Rebuild> lost = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (fresh.length() <= i || fresh.charAt(i) != '1') {
                continue;
            }
            int slot = i + 1;
            Instant from = slot == 1 || slot == 5 ? dayStart : slot <= 4 ? hourStart : identitiesFrom;
            if (!epoch.isAfter(from)) {
                continue; // Redis has held this window since before it began
            }
            String key = keys.get(i);
            lost.add(
                    switch (slot) {
                        case 1 ->
                            new Rebuild(
                                    key,
                                    DAY_TTL,
                                    ScreeningHistory.invitees(
                                            slot,
                                            "invitee_device_id = ? AND campaign_id = ?",
                                            List.of(MybatisScreenings.truncate(f.inviteeDeviceId()), c),
                                            dayStart,
                                            dayEnd));
                        case 2 ->
                            new Rebuild(
                                    key,
                                    HOUR_TTL,
                                    ScreeningHistory.invitees(
                                            slot,
                                            "ip = ?",
                                            List.of(MybatisScreenings.truncate(f.ip())),
                                            hourStart,
                                            hourEnd));
                        case 3 ->
                            new Rebuild(
                                    key,
                                    HOUR_TTL,
                                    ScreeningHistory.invitees(
                                            slot, "subnet24 = ?", List.of(f.subnet24()), hourStart, hourEnd));
                        case 4, 5 ->
                            new Rebuild(
                                    key,
                                    slot == 4 ? HOUR_TTL : DAY_TTL,
                                    ScreeningHistory.invitees(
                                            slot,
                                            "campaign_id = ? AND referrer_user_id = ?",
                                            List.of(c, f.referrerUserId()),
                                            slot == 4 ? hourStart : dayStart,
                                            slot == 4 ? hourEnd : dayEnd));
                        case 6 ->
                            new Rebuild(
                                    key,
                                    keepIdentities.toSeconds(),
                                    ScreeningHistory.unionidOpenids(slot, f.inviteeUnionid(), identitiesFrom));
                        case 7 ->
                            new Rebuild(
                                    key,
                                    keepIdentities.toSeconds(),
                                    ScreeningHistory.phoneFirstOwner(slot, f.inviteePhoneHash(), identitiesFrom));
                        default ->
                            new Rebuild(
                                    key,
                                    keepIdentities.toSeconds(),
                                    ScreeningHistory.openidFirstSeen(slot, f.inviteeOpenid(), identitiesFrom));
                    });
        }
        return lost;
    }

    /**
     * Reads the lost keys' windows from the stored screenings and puts what Redis lost back; {@code answers} (the
     * script's, by slot) then hold the rebuilt counts, owner and first sighting. If either step fails, the keys are
     * dropped again, so the next screening that needs them rebuilds them rather than trusting a partial count.
     */
    private void rebuild(List<Rebuild> lost, String[] answers, String openidSeen) {
        try {
            Map<Integer, ScreeningHistory.Answer> stored =
                    history.ask(lost.stream().map(Rebuild::question).toList());
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (Rebuild l : lost) {
                ScreeningHistory.Answer a = stored.get(l.slot());
                if (a == null || a.empty()) {
                    continue; // nothing before: the key is new, not lost
                }
                List<String> values;
                if (l.slot() == 8) {
                    long first = Math.min(a.first().toEpochMilli(), Long.parseLong(openidSeen));
                    values = List.of(Long.toString(first));
                } else {
                    values = List.copyOf(a.members());
                }
                keys.add(l.key());
                slots.add(l.slot());
                args.add(l.slot() <= 6 ? "set" : "value");
                args.add(Long.toString(l.ttlSeconds()));
                args.add(Integer.toString(values.size()));
                args.addAll(values);
            }
            if (keys.isEmpty()) {
                return;
            }
            List<?> r = redis.execute(REBUILD, keys, args.toArray());
            if (r == null || r.size() != keys.size()) {
                throw new IllegalStateException("Rebuild script answered " + r);
            }
            for (int i = 0; i < slots.size(); i++) {
                int slot = slots.get(i);
                // the openid: an earlier screening's sighting, as an existing key would have answered
                answers[slot - 1] =
                        slot == 8 ? Long.toString(stored.get(slot).first().toEpochMilli()) : text(r.get(i));
            }
        } catch (RuntimeException e) {
            try {
                redis.delete(lost.stream().map(Rebuild::key).toList());
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
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
