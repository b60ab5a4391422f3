package io.laxin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that a response is an RFC 9457 problem with the given status and stable code. */
public final class ProblemAssert {

    private ProblemAssert() {}

    public static void assertProblem(TestHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().get("detail").asString()).isNotBlank();
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }
}
