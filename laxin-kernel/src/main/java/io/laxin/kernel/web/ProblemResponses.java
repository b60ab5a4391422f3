package io.laxin.kernel.web;

import io.laxin.kernel.api.ErrorCode;
import io.laxin.kernel.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer straight to a servlet response (for filters, which run before the advice). */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.status());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(JSON.writeValueAsString(
                        Problems.body(code, detail, request.getRequestURI(), MDC.get(RequestIds.MDC_KEY))));
    }
}
