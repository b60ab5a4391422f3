package io.laxin.kernel.error;

import io.laxin.kernel.api.ErrorCode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RFC 9457 body every Laxin component answers with, as plain data (usable from servlet services and
 * from the reactive gateway alike): {@code type, title, status, detail, instance, code, number, requestId}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://laxin.io/problems/";

    private Problems() {}

    public static URI type(ErrorCode code) {
        return URI.create(TYPE_BASE + code.name().toLowerCase().replace('_', '-'));
    }

    public static Map<String, Object> body(ErrorCode code, String detail, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(code).toString());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail == null ? code.title() : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        body.put("number", code.number());
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }
}
