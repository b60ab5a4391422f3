package io.laxin.poster.wechat.infra;

import io.laxin.poster.render.domain.MiniProgramCodes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat client exists only when the app id and secret are configured (env LAXIN_POSTER_WECHAT_APP_ID,
 * LAXIN_POSTER_WECHAT_APP_SECRET); they have no defaults.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty({"laxin.poster.wechat.app-id", "laxin.poster.wechat.app-secret"})
class WechatConfiguration {

    @Bean
    MiniProgramCodes wechatMiniProgramCodes(
            @Value("${laxin.poster.wechat.app-id}") String appId,
            @Value("${laxin.poster.wechat.app-secret}") String appSecret,
            @Value("${laxin.poster.wechat.base-url}") URI baseUrl,
            @Value("${laxin.poster.wechat.refresh-before-expiry}") Duration refresh,
            @Value("${laxin.poster.wechat.timeout}") Duration timeout,
            @Value("${laxin.redis.key-prefix:laxin:}") String keyPrefix,
            StringRedisTemplate redis,
            Clock clock,
            JsonMapper json) {
        return new WechatMiniProgramCodes(
                new WechatMiniProgramCodes.Settings(appId, appSecret, baseUrl, refresh, timeout),
                new RedisAccessTokens(redis, keyPrefix, clock),
                clock,
                json);
    }
}
