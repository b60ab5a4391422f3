package io.laxin.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A single-page app built by Vite and packed on the classpath, served under a prefix (the staff console at
 * {@code /console/}, the end users' invite page at {@code /h5/}): hashed files under {@code assets/} are cached for a
 * year (their name changes with their content), everything else — {@code index.html} above all — is revalidated on
 * every load, and any other path under the prefix is the app's own route (history mode), answered with
 * {@code index.html}. A missing asset is a 404, never the HTML page. The app's runtime settings are served, never
 * cached, at {@code <prefix>/config.json}; the bare prefix redirects to {@code <prefix>/}.
 */
public final class StaticSite {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._\\-/]*");
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final String prefix;
    private final String root;
    private final String contentSecurityPolicy;

    /**
     * @param prefix                the URL prefix without trailing slash ({@code /console})
     * @param root                  the classpath folder with the built files ({@code META-INF/laxin/console/})
     * @param contentSecurityPolicy sent with the HTML page
     */
    public StaticSite(String prefix, String root, String contentSecurityPolicy) {
        this.prefix = prefix;
        this.root = root;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** Whether the app's module was built onto the classpath (otherwise every page answers 404). */
    public boolean built() {
        return new ClassPathResource(root + "index.html").exists();
    }

    /** The bare prefix (redirected), {@code config.json} with these settings, and the app's files and routes. */
    public RouterFunction<ServerResponse> routes(Object settings) {
        return RouterFunctions.route(
                        GET(prefix),
                        r -> ServerResponse.permanentRedirect(URI.create(prefix + "/"))
                                .build())
                .andRoute(
                        GET(prefix + "/config.json"),
                        r -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .cacheControl(CacheControl.noStore())
                                .bodyValue(settings))
                .andRoute(GET(prefix + "/**").or(HEAD(prefix + "/**")), this::serve);
    }

    Mono<ServerResponse> serve(ServerRequest request) {
        String path = request.path().substring(prefix.length());
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!SAFE.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            return ServerResponse.notFound().build();
        }
        boolean asset = path.startsWith("assets/");
        if (!path.isEmpty()) {
            Resource file = new ClassPathResource(root + path);
            if (file.exists() && file.isReadable() && !path.endsWith("/")) {
                return file(file, asset ? IMMUTABLE : CacheControl.noCache(), path);
            }
            if (asset || path.matches(".*\\.(js|css|map|png|jpg|svg|ico|woff2?|json|txt)$")) {
                return ServerResponse.notFound().build();
            }
        }
        if (!built()) {
            return ServerResponse.notFound().build();
        }
        return file(new ClassPathResource(root + "index.html"), CacheControl.noCache(), "index.html");
    }

    private Mono<ServerResponse> file(Resource file, CacheControl cache, String name) {
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.OK)
                .contentType(type)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            response.header("Content-Security-Policy", contentSecurityPolicy)
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin");
        }
        return response.bodyValue(file);
    }
}
