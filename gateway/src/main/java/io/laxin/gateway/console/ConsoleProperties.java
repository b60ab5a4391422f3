package io.laxin.gateway.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laxin.console.*}: how the staff console at {@code /console/} signs staff in and shows figures. Served to the
 * browser as {@code /console/config.json}; nothing here is a secret (an OIDC public client has none).
 *
 * @param enabled   serve the console at all
 * @param login     {@code oidc} (production: the brand's identity provider) or {@code demo} (only the one-command
 *                  local run, which adds the demo sign-in endpoints)
 * @param oidc      the identity provider: issuer, the console's client id, scopes, and the claim with staff roles
 * @param timeZone  the business time zone figures and times are shown in
 * @param locale    the default language (zh-CN or en)
 */
@ConfigurationProperties("laxin.console")
public record ConsoleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("oidc") String login,
        @DefaultValue Oidc oidc,
        @DefaultValue("Asia/Shanghai") String timeZone,
        @DefaultValue("zh-CN") String locale) {

    public ConsoleProperties {
        if (!List.of("oidc", "demo").contains(login)) {
            throw new IllegalStateException("laxin.console.login must be oidc or demo, not " + login);
        }
        java.time.ZoneId.of(timeZone);
    }

    /**
     * @param issuer     the provider's issuer URL (its {@code /.well-known/openid-configuration} is read by the console)
     * @param clientId   the console's (public, PKCE) client id at the provider
     * @param scopes     scopes asked for
     * @param audience   an {@code audience} parameter for providers that need one to mint an API token (optional)
     */
    public record Oidc(
            @DefaultValue("") String issuer,
            @DefaultValue("") String clientId,
            @DefaultValue("openid profile") String scopes,
            @DefaultValue("") String audience) {}
}
