package io.laxin.kernel.remote;

import feign.FeignException;
import io.laxin.kernel.api.ErrorCode;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a sibling service's refusal from a failed Feign call: its problem+json {@code code}. An adapter that treats
 * one refusal as an answer (e.g. "no such thing") checks the code, not the status alone, since a 404 also comes from a
 * peer that does not have the route yet (a rolling deploy) or from a proxy in between.
 */
public final class RemoteProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RemoteProblems() {}

    /** The problem's stable {@code code}, when the answer's body is a problem+json that has one. */
    public static Optional<String> code(FeignException e) {
        String body = e.contentUTF8();
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode code = JSON.readTree(body).get("code");
            return code != null && code.isString() ? Optional.of(code.asString()) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** Whether the call was refused with exactly this error code (its status and its {@code code}). */
    public static boolean refusedWith(FeignException e, ErrorCode expected) {
        return e.status() == expected.status()
                && code(e).filter(expected.name()::equals).isPresent();
    }

    /**
     * A read from a sibling service, before any transaction ({@link RemoteCalls#requireNoTransaction}): its answer, or
     * empty when the sibling refused with exactly {@code absent} (its own "no such thing"). Every other failure —
     * down, slow, a 5xx, another refusal, an empty answer — is thrown, so the caller fails and is retried.
     */
    public static <T> Optional<T> absentOn(ErrorCode absent, String call, Supplier<T> read) {
        RemoteCalls.requireNoTransaction(call);
        T answer;
        try {
            answer = read.get();
        } catch (FeignException e) {
            if (refusedWith(e, absent)) {
                return Optional.empty();
            }
            throw e;
        }
        if (answer == null) {
            throw new IllegalStateException(call + ": the answer was empty");
        }
        return Optional.of(answer);
    }
}
