package io.laxin.poster.wechat.infra;

import java.time.Instant;
import java.util.Optional;

/** Where WeChat access tokens are kept between calls (Redis: shared by every instance). */
public interface AccessTokens {

    /** A token and the instant WeChat said it expires. */
    record AccessToken(String token, Instant expiresAt) {}

    Optional<AccessToken> find(String appId);

    void save(String appId, AccessToken token);

    void evict(String appId);
}
