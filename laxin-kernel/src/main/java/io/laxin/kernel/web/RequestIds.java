package io.laxin.kernel.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: created by the gateway (or the first service hit), passed on, logged as MDC {@code requestId}. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    /** The incoming id when it is sane, else a fresh one (never trust a client to inject log lines). */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }
}
