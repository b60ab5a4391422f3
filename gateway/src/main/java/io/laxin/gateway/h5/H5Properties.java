package io.laxin.gateway.h5;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.h5.*}: the end users' invite page at {@code /h5/}. Served to the browser as {@code /h5/config.json};
 * nothing here is a secret.
 *
 * @param enabled    serve the page at all
 * @param login      {@code host} (production: the brand's H5 opens the page with the user's token in the URL
 *                   fragment, {@code /h5/?campaign=ID#token=JWT}) or {@code demo} (only the one-command local run,
 *                   which adds a picker of demo end users)
 * @param campaignId the campaign shown when the link names none (optional)
 * @param timeZone   the business time zone dates are shown in
 * @param locale     the default language (zh-CN or en); users may switch
 */
@ConfigurationProperties("laxin.h5")
public record H5Properties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("host") String login,
        Long campaignId,
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue("zh-CN") String locale) {

    public H5Properties {
        if (!List.of("host", "demo").contains(login)) {
            throw new IllegalStateException("laxin.h5.login must be host or demo, not " + login);
        }
        if (!List.of("zh-CN", "en").contains(locale)) {
            throw new IllegalStateException("laxin.h5.locale must be zh-CN or en, not " + locale);
        }
        if (campaignId != null && campaignId <= 0) {
            throw new IllegalStateException("laxin.h5.campaign-id must be a positive id, not " + campaignId);
        }
        java.time.ZoneId.of(timeZone);
    }
}
