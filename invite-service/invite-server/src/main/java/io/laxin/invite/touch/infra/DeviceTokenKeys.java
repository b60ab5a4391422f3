package io.laxin.invite.touch.infra;

import io.laxin.invite.InviteProperties;
import io.laxin.invite.touch.domain.DeviceTokens;
import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The device token keys from configuration: {@code laxin.invite.device-token-key} (env LAXIN_DEVICE_TOKEN_KEY, no
 * default: the service does not start without one) and, while rotating, {@code laxin.invite.device-token-previous-key}
 * (env LAXIN_DEVICE_TOKEN_PREVIOUS_KEY), still accepted for tokens issued before.
 */
@Configuration(proxyBeanMethods = false)
class DeviceTokenKeys {

    @Bean
    DeviceTokens deviceTokens(InviteProperties properties) {
        String key = properties.deviceTokenKey();
        String previousKey = properties.deviceTokenPreviousKey();
        if (key == null || key.length() < DeviceTokens.MIN_KEY_LENGTH) {
            throw new IllegalStateException("laxin.invite.device-token-key (env LAXIN_DEVICE_TOKEN_KEY) must be set "
                    + "to at least " + DeviceTokens.MIN_KEY_LENGTH + " characters: it signs the device tokens that "
                    + "attribute touches");
        }
        return new DeviceTokens(key, previousKey, new SecureRandom());
    }
}
