package io.laxin.kernel.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * What an internal signature covers of a request besides the caller: the method, the raw path and query (as sent,
 * the query's parameters in canonical order), the body and the service it is meant for.
 *
 * @param path   the raw (still percent-encoded) path
 * @param query  the raw query without '?', or null
 * @param body   the body bytes (null or empty when there is none)
 * @param target the name of the service the request is for (its {@code spring.application.name})
 */
public record InternalRequest(String method, String path, String query, byte[] body, String target) {

    static final String VERSION = "v2";
    private static final byte[] EMPTY = new byte[0];

    public InternalRequest {
        body = body == null ? EMPTY : body;
    }

    /** The parameters of a raw query sorted (as raw {@code name=value} strings), so reordering them changes nothing. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.isEmpty())
                .sorted()
                .collect(Collectors.joining("&"));
    }

    /**
     * {@code v2 ⏎ METHOD ⏎ path?query ⏎ hex(SHA-256(body)) ⏎ target ⏎ caller ⏎ roles ⏎ timestamp ⏎ nonce}, and
     * {@code ⏎ campaigns} after it when the caller is a host scoped to campaigns (so unscoped callers sign exactly
     * what they signed before, and a scope can be neither added, removed nor changed).
     */
    String canonical(String caller, String roles, String timestamp, String nonce, String campaigns) {
        String q = canonicalQuery(query);
        String signed = String.join(
                "\n",
                VERSION,
                method.toUpperCase(),
                q.isEmpty() ? path : path + "?" + q,
                sha256Hex(body),
                target,
                caller,
                roles,
                timestamp,
                nonce);
        return campaigns == null || campaigns.isEmpty() ? signed : signed + "\n" + campaigns;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InternalRequest r
                && method.equals(r.method)
                && path.equals(r.path)
                && java.util.Objects.equals(query, r.query)
                && Arrays.equals(body, r.body)
                && target.equals(r.target);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, path, query, Arrays.hashCode(body), target);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " (" + body.length + " bytes) → " + target;
    }
}
