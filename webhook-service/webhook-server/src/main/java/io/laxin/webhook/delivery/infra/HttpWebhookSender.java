package io.laxin.webhook.delivery.infra;

import io.laxin.webhook.delivery.domain.WebhookSender;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends with the JDK client: connect timeout, a deadline for the answer, redirects not followed (a 3xx is a failure:
 * following it would leave the checked address), and only the first 1 KB of the answer kept.
 */
public class HttpWebhookSender implements WebhookSender {

    static final int KEEP_BYTES = 1024;

    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;

    public HttpWebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout).plusSeconds(1);
    }

    @Override
    public Response send(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(
                request.build(),
                info -> HttpResponse.BodySubscribers.fromSubscriber(new FirstBytes(), FirstBytes::text));
        try {
            HttpResponse<String> response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.body(), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Response(null, null, "Timed out after " + deadline.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Response(null, null, describe(e.getCause()));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Response(null, null, "Interrupted");
        } catch (RuntimeException e) {
            return new Response(null, null, describe(e));
        }
    }

    private String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "Connect timed out";
        }
        if (t instanceof HttpTimeoutException) {
            return "No answer within " + readTimeout.toSeconds() + " s (read timeout)";
        }
        if (t instanceof ConnectException) {
            return "Connection refused";
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Keeps the first {@link #KEEP_BYTES} bytes of a body and drains the rest. */
    static final class FirstBytes implements Flow.Subscriber<List<ByteBuffer>> {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                int n = Math.min(b.remaining(), KEEP_BYTES - kept.size());
                if (n > 0) {
                    byte[] bytes = new byte[n];
                    b.get(bytes);
                    kept.write(bytes, 0, n);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the exchange fails with it
        }

        @Override
        public void onComplete() {
            // text() reads what was kept
        }

        String text() {
            try {
                // a cut in the middle of a character shows as U+FFFD
                CharBuffer chars = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(kept.toByteArray()));
                return chars.toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return null;
            }
        }
    }
}
