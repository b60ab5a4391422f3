package io.laxin.poster.wechat.infra;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.domain.MiniProgramCodes;
import io.laxin.poster.render.domain.MiniProgramScene;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's server API for mini-program codes: {@code GET /cgi-bin/token} (client_credential) for the access token,
 * kept in {@link AccessTokens} and fetched again {@code refreshBeforeExpiry} before WeChat's expiry (by the injected
 * clock); {@code POST /wxa/getwxacodeunlimit} for the code. WeChat answers an error as JSON with {@code errcode} and
 * {@code errmsg} (even with status 200): that is raised as 502 WECHAT_UNAVAILABLE naming both. When WeChat says the
 * token is invalid or expired (40001, 40014, 42001), the token is dropped and the call tried once more.
 */
public class WechatMiniProgramCodes implements MiniProgramCodes {

    private static final Logger log = LoggerFactory.getLogger(WechatMiniProgramCodes.class);
    /** invalid credential, invalid access_token, access_token expired. */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);

    /** The app's credentials and where WeChat is. */
    public record Settings(
            String appId, String appSecret, URI baseUrl, Duration refreshBeforeExpiry, Duration timeout) {

        public Settings {
            if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
                throw new IllegalArgumentException("WeChat app id and secret are required");
            }
            Objects.requireNonNull(baseUrl, "baseUrl");
        }

        @Override
        public String toString() {
            return "Settings[appId=" + appId + ", appSecret=***, baseUrl=" + baseUrl + "]";
        }
    }

    private final Settings settings;
    private final AccessTokens tokens;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient http;
    private final Object refreshing = new Object();

    public WechatMiniProgramCodes(Settings settings, AccessTokens tokens, Clock clock, JsonMapper json) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] unlimited(MiniProgramScene scene, String page, int width) {
        Objects.requireNonNull(scene, "scene");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scene", scene.value());
        if (page != null) {
            body.put("page", page);
            body.put("check_path", false);
        }
        body.put("width", width);
        String token = accessToken();
        Answer answer = postCode(token, body);
        if (answer.errcode() != null && TOKEN_ERRORS.contains(answer.errcode())) {
            log.info("WeChat refused the cached access token ({}); fetching a new one", answer.errcode());
            tokens.evict(settings.appId());
            answer = postCode(accessToken(), body);
        }
        if (answer.image() != null) {
            return answer.image();
        }
        throw wechatError("getwxacodeunlimit", answer.errcode(), answer.errmsg());
    }

    /** The cached token unless it is within {@code refreshBeforeExpiry} of expiring, else a new one. */
    String accessToken() {
        Instant now = clock.instant();
        var cached = tokens.find(settings.appId());
        if (cached.isPresent() && now.isBefore(cached.get().expiresAt().minus(settings.refreshBeforeExpiry()))) {
            return cached.get().token();
        }
        synchronized (refreshing) {
            cached = tokens.find(settings.appId());
            if (cached.isPresent()
                    && clock.instant().isBefore(cached.get().expiresAt().minus(settings.refreshBeforeExpiry()))) {
                return cached.get().token();
            }
            String uri = settings.baseUrl() + "/cgi-bin/token?grant_type=client_credential&appid="
                    + enc(settings.appId()) + "&secret=" + enc(settings.appSecret());
            HttpResponse<byte[]> response =
                    send(HttpRequest.newBuilder(URI.create(uri)).GET(), "token");
            JsonNode node = parse(response.body(), "token");
            if (node.hasNonNull("errcode") && node.get("errcode").asInt() != 0) {
                throw wechatError("token", node.get("errcode").asInt(), text(node, "errmsg"));
            }
            String token = text(node, "access_token");
            long expiresIn = node.path("expires_in").asLong(0);
            if (token == null || token.isBlank() || expiresIn <= 0) {
                throw wechatError("token", null, "no access_token/expires_in in the answer");
            }
            AccessTokens.AccessToken fresh =
                    new AccessTokens.AccessToken(token, clock.instant().plusSeconds(expiresIn));
            tokens.save(settings.appId(), fresh);
            return token;
        }
    }

    private record Answer(byte[] image, Integer errcode, String errmsg) {}

    private Answer postCode(String token, Map<String, Object> body) {
        URI uri = URI.create(settings.baseUrl() + "/wxa/getwxacodeunlimit?access_token=" + enc(token));
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                "getwxacodeunlimit");
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 200 && type.startsWith("image/")) {
            return new Answer(response.body(), null, null);
        }
        JsonNode node = parse(response.body(), "getwxacodeunlimit");
        Integer errcode = node.hasNonNull("errcode") ? node.get("errcode").asInt() : null;
        return new Answer(null, errcode, text(node, "errmsg"));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String api) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(settings.timeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                throw wechatError(api, null, "HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw wechatError(api, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw wechatError(api, null, "interrupted");
        }
    }

    private JsonNode parse(byte[] body, String api) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw wechatError(api, null, "an answer that is neither an image nor JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static LaxinException wechatError(String api, Integer errcode, String errmsg) {
        String detail = "WeChat " + api + " failed" + (errcode == null ? "" : ": errcode " + errcode)
                + (errmsg == null ? "" : " (" + errmsg + ")");
        log.warn(detail);
        return new LaxinException(PosterErrorCode.WECHAT_UNAVAILABLE, detail);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
