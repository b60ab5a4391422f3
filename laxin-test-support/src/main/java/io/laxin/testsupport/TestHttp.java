package io.laxin.testsupport;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.InternalRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for tests: JSON in and out, optional gateway-style identity signing. */
public final class TestHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Caller signAs;
    private final Duration timeout;

    private TestHttp(String baseUrl, Map<String, String> headers, Caller signAs, Duration timeout) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.signAs = signAs;
        this.timeout = timeout;
    }

    public static TestHttp at(String baseUrl) {
        return new TestHttp(baseUrl, Map.of(), null, Duration.ofSeconds(30));
    }

    /** How long a request may take (30 s unless set; benchmarks of long jobs need more). */
    public TestHttp timeout(Duration d) {
        return new TestHttp(baseUrl, headers, signAs, d);
    }

    public TestHttp header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new TestHttp(baseUrl, h, signAs, timeout);
    }

    public TestHttp bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /**
     * Signs each request as the gateway would for this caller — or, for a {@code SERVICE:<name>} caller, as that
     * service would — for the test app listening at this address (for calling a service directly in its own IT).
     */
    public TestHttp as(Caller caller) {
        return new TestHttp(baseUrl, headers, caller, timeout);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response send(String method, String path, Object body) {
        try {
            URI uri = URI.create(baseUrl + path);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
            headers.forEach(b::header);
            byte[] bytes = null;
            if (body != null) {
                b.header("Content-Type", "application/json");
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (signAs != null) {
                String target = TestKeys.serviceAt(uri.getPort());
                if (target == null) {
                    throw new IllegalStateException("No test app listens on port " + uri.getPort()
                            + " (TestHttp.as signs for the app at the address)");
                }
                TestKeys.signerFor(signAs)
                        .sign(signAs, new InternalRequest(method, uri.getRawPath(), uri.getRawQuery(), bytes, target))
                        .forEach(b::header);
            }
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
