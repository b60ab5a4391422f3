package io.laxin.poster.wechat.infra;

import io.laxin.kernel.config.KernelProperties;
import io.laxin.poster.PosterProperties;
import io.laxin.poster.render.domain.MiniProgramCodes;
import java.time.Clock;
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
            PosterProperties properties,
            KernelProperties kernel,
            StringRedisTemplate redis,
            Clock clock,
            JsonMapper json) {
        PosterProperties.Wechat w = properties.wechat();
        return new WechatMiniProgramCodes(
                new WechatMiniProgramCodes.Settings(
                        w.appId(), w.appSecret(), w.baseUrl(), w.refreshBeforeExpiry(), w.timeout()),
                new RedisAccessTokens(redis, kernel.redis().keyPrefix(), clock),
                clock,
                json);
    }
}
