package io.laxin.webhook.endpoint.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a URL may receive webhooks: absolute {@code https} (or {@code http} where allowed), a host, no credentials
 * or fragment, and — unless private addresses are allowed — a host whose every address is public. Checked when an
 * endpoint is registered or changed, and again before every send (the host's DNS answer may have changed since).
 */
public final class EndpointUrls {

    public static final int MAX_LENGTH = 2048;

    private final boolean allowHttp;
    private final boolean allowPrivateAddresses;
    private final AddressRules.Resolver resolver;

    public EndpointUrls(boolean allowHttp, boolean allowPrivateAddresses, AddressRules.Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when webhooks may be sent to it. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "url must start with https:// or http://" : "url must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("url must not have a fragment");
        }
        return addressRefusal(uri);
    }

    /** The address check alone (before a send): empty when private addresses are allowed or every address is public. */
    public Optional<String> addressRefusal(URI uri) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of("url must name a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return AddressRules.refusal(resolver.resolve(host))
                    .map(r -> "host " + uri.getHost() + " is not allowed: " + r);
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " does not resolve");
        }
    }
}
