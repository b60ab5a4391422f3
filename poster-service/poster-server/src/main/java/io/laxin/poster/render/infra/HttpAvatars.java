package io.laxin.poster.render.infra;

import io.laxin.poster.PosterProperties;
import io.laxin.poster.render.domain.Avatars;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Avatars over HTTP(S), only from the configured hosts (a user-given URL must not make this service call internal
 * addresses), with a short connect and read timeout, no redirects, and a byte limit enforced while reading (a
 * declared Content-Length is not trusted). Anything wrong gives no avatar: the poster shows the initial instead.
 */
@Component
class HttpAvatars implements Avatars {

    private static final Logger log = LoggerFactory.getLogger(HttpAvatars.class);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "avatar-read-deadline");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient http;
    private final Set<String> allowedHosts;
    private final Duration readTimeout;
    private final long maxBytes;

    HttpAvatars(PosterProperties properties) {
        PosterProperties.Avatar avatar = properties.avatar();
        List<String> allowedHosts = avatar.allowedHosts();
        Duration connectTimeout = avatar.connectTimeout();
        Duration readTimeout = avatar.readTimeout();
        long maxBytes = avatar.maxBytes();
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.allowedHosts = allowedHosts.stream()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<byte[]> fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || !allowedHosts.contains(host)) {
            log.debug("Avatar host {} is not allowed", host);
            return Optional.empty();
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(readTimeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the request timeout covers the headers only; a body that trickles in is cut at the same deadline
            try (InputStream body = response.body();
                    AutoCloseable watchdog = closeAfter(body, readTimeout)) {
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    log.debug("Avatar {} is over {} bytes", url, maxBytes);
                    return Optional.empty();
                }
                return Optional.of(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.debug("Avatar {} could not be fetched: {}", url, e.toString());
            return Optional.empty();
        }
    }

    private static AutoCloseable closeAfter(InputStream body, Duration timeout) {
        ScheduledFuture<?> task = WATCHDOG.schedule(
                () -> {
                    try {
                        body.close();
                    } catch (IOException ignored) {
                        // closing is all we wanted
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }
}
