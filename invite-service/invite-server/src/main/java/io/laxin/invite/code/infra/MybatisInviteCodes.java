package io.laxin.invite.code.infra;

import static io.laxin.invite.shared.UtcTimes.fromRow;
import static io.laxin.invite.shared.UtcTimes.toRow;

import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import io.laxin.invite.code.domain.CodeStatus;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.code.domain.Revocation;
import io.laxin.kernel.config.KernelProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Invite codes in MySQL, with code → (status, campaign, user) cached in Redis: resolving a code is on the share-link
 * hot path, so after the first lookup it does not touch MySQL — also for a revoked code still printed on posters. A
 * lookup fills the cache only if the key is absent; a committed change overwrites it ({@link #refreshCached}), so a lookup
 * that read MySQL just before the change cannot put the old status back.
 */
@Repository
class MybatisInviteCodes implements InviteCodes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MybatisInviteCodes.class);

    private static final Duration CACHE_TTL = Duration.ofDays(7);

    private final InviteCodeMapper mapper;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final String keyPrefix;

    MybatisInviteCodes(InviteCodeMapper mapper, StringRedisTemplate redis, Clock clock, KernelProperties kernel) {
        this.mapper = mapper;
        this.redis = redis;
        this.clock = clock;
        this.keyPrefix = kernel.redis().keyPrefix() + "invite:code:v2:";
    }

    @Override
    public Optional<InviteCode> findActive(long campaignId, String userId) {
        return Optional.ofNullable(mapper.selectActive(campaignId, userId)).map(MybatisInviteCodes::toDomain);
    }

    @Override
    public List<Revocation.Held> allOf(long campaignId, String userId) {
        return mapper.selectAllOf(campaignId, userId).stream()
                .map(r -> new Revocation.Held(
                        toDomain(r),
                        fromRow(r.getCreatedAt()),
                        r.getRevokedAt() == null
                                ? null
                                : new Revocation(r.getRevokedReason(), r.getRevokedBy(), fromRow(r.getRevokedAt()))))
                .toList();
    }

    @Override
    public Optional<InviteCode> findByCode(String code) {
        // Redis is a cache here: while it does not answer, codes are read from MySQL (share links keep working)
        String cached = null;
        try {
            cached = redis.opsForValue().get(keyPrefix + code);
        } catch (DataAccessException redisDown) {
            log.warn("Code cache unavailable, reading {} from MySQL: {}", code, redisDown.toString());
        }
        if (cached != null) {
            return Optional.of(fromCache(code, cached));
        }
        Optional<InviteCode> found =
                Optional.ofNullable(mapper.selectByCode(code)).map(MybatisInviteCodes::toDomain);
        found.ifPresent(c -> {
            try {
                redis.opsForValue().setIfAbsent(keyPrefix + code, toCache(c), CACHE_TTL);
            } catch (DataAccessException redisDown) {
                // filled on a later lookup
            }
        });
        return found;
    }

    @Override
    public long holdersAt(long campaignId, Instant at) {
        return mapper.countHoldersBefore(campaignId, toRow(at));
    }

    @Override
    public boolean tryAdd(InviteCode code) {
        InviteCodeDO row = new InviteCodeDO();
        row.setCampaignId(code.campaignId());
        row.setUserId(code.userId());
        row.setCode(code.code());
        row.setStatus(code.status().name());
        row.setCreatedAt(toRow(clock.instant()));
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            return false;
        }
        redis.opsForValue().set(keyPrefix + code.code(), toCache(code), CACHE_TTL);
        return true;
    }

    @Override
    public Optional<Replacement> replaceActive(InviteCode code) {
        if (mapper.selectByCode(code.code()) != null) {
            return Optional.empty();
        }
        InviteCodeDO current = mapper.selectActive(code.campaignId(), code.userId());
        if (current != null) {
            InviteCodeDO retire = new InviteCodeDO();
            retire.setStatus(CodeStatus.RETIRED.name());
            mapper.update(
                    retire,
                    new LambdaUpdateWrapper<InviteCodeDO>()
                            .eq(InviteCodeDO::getId, current.getId())
                            .eq(InviteCodeDO::getStatus, CodeStatus.ACTIVE.name()));
        }
        InviteCodeDO row = new InviteCodeDO();
        row.setCampaignId(code.campaignId());
        row.setUserId(code.userId());
        row.setCode(code.code());
        row.setStatus(CodeStatus.ACTIVE.name());
        row.setCreatedAt(toRow(clock.instant()));
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // taken meanwhile: the caller's transaction rolls the retirement back
        }
        return Optional.of(new Replacement(current == null ? null : current.getCode()));
    }

    @Override
    public boolean revoke(String code, Revocation revocation) {
        InviteCodeDO change = new InviteCodeDO();
        change.setStatus(CodeStatus.REVOKED.name());
        change.setRevokedAt(toRow(revocation.revokedAt()));
        change.setRevokedBy(revocation.revokedBy());
        change.setRevokedReason(revocation.reason());
        return mapper.update(
                        change,
                        new LambdaUpdateWrapper<InviteCodeDO>()
                                .eq(InviteCodeDO::getCode, code)
                                .ne(InviteCodeDO::getStatus, CodeStatus.REVOKED.name()))
                == 1;
    }

    @Override
    public void refreshCached(String code) {
        InviteCodeDO row = mapper.selectByCode(code);
        if (row == null) {
            redis.delete(keyPrefix + code);
        } else {
            redis.opsForValue().set(keyPrefix + code, toCache(toDomain(row)), CACHE_TTL);
        }
    }

    private static String toCache(InviteCode c) {
        return c.status().name() + ":" + c.campaignId() + ":" + c.userId();
    }

    private static InviteCode fromCache(String code, String cached) {
        int first = cached.indexOf(':');
        int second = cached.indexOf(':', first + 1);
        return new InviteCode(
                Long.parseLong(cached.substring(first + 1, second)),
                cached.substring(second + 1),
                code,
                CodeStatus.valueOf(cached.substring(0, first)));
    }

    private static InviteCode toDomain(InviteCodeDO r) {
        return new InviteCode(r.getCampaignId(), r.getUserId(), r.getCode(), CodeStatus.valueOf(r.getStatus()));
    }
}
