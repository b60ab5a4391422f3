package io.laxin.invite.code.infra;

import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Invite codes in MySQL, with code → (campaign, user) cached in Redis: resolving a code is on the share-link hot
 * path, so after the first lookup it never touches MySQL. Codes never change owner, so the cache needs no
 * invalidation until revocation exists.
 */
@Repository
class MybatisInviteCodes implements InviteCodes {

    private static final Duration CACHE_TTL = Duration.ofDays(7);

    private final InviteCodeMapper mapper;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final String keyPrefix;

    MybatisInviteCodes(InviteCodeMapper mapper, StringRedisTemplate redis, Clock clock,
                       @Value("${laxin.redis.key-prefix:laxin:}") String keyPrefix) {
        this.mapper = mapper;
        this.redis = redis;
        this.clock = clock;
        this.keyPrefix = keyPrefix + "invite:code:";
    }

    @Override
    public Optional<InviteCode> findByUser(long campaignId, String userId) {
        return Optional.ofNullable(mapper.selectByUser(campaignId, userId)).map(MybatisInviteCodes::toDomain);
    }

    @Override
    public Optional<InviteCode> findByCode(String code) {
        String cached = redis.opsForValue().get(keyPrefix + code);
        if (cached != null) {
            int sep = cached.indexOf(':');
            return Optional.of(new InviteCode(Long.parseLong(cached.substring(0, sep)), cached.substring(sep + 1), code));
        }
        Optional<InviteCode> found = Optional.ofNullable(mapper.selectByCode(code)).map(MybatisInviteCodes::toDomain);
        found.ifPresent(this::cache);
        return found;
    }

    @Override
    public long holdersAt(long campaignId, java.time.Instant at) {
        return mapper.selectCount(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<InviteCodeDO>()
                .eq(InviteCodeDO::getCampaignId, campaignId)
                .lt(InviteCodeDO::getCreatedAt, LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
    }

    @Override
    public boolean tryAdd(InviteCode code) {
        InviteCodeDO row = new InviteCodeDO();
        row.setCampaignId(code.campaignId());
        row.setUserId(code.userId());
        row.setCode(code.code());
        row.setCreatedAt(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            return false;
        }
        cache(code);
        return true;
    }

    private void cache(InviteCode code) {
        redis.opsForValue().set(keyPrefix + code.code(), code.campaignId() + ":" + code.userId(), CACHE_TTL);
    }

    private static InviteCode toDomain(InviteCodeDO r) {
        return new InviteCode(r.getCampaignId(), r.getUserId(), r.getCode());
    }
}
