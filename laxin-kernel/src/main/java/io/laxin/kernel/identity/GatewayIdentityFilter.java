package io.laxin.kernel.identity;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.web.ProblemResponses;
import io.laxin.kernel.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts a request only when it carries identity headers signed by the gateway (or, for a {@code SERVICE:<name>}
 * caller, by that sibling service) for this service, this method, path, query and body, once (ADR 0007): a call that
 * goes around the gateway, or replays a captured header set, gets 401. The body is read once (at most
 * {@code maxBody} bytes, else 413) to check its digest and is handed on to the controller unchanged. Also puts the
 * request id in the MDC for every log line.
 */
public class GatewayIdentityFilter extends OncePerRequestFilter {

    public static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final Logger log = LoggerFactory.getLogger(GatewayIdentityFilter.class);

    private final IdentityVerifier verifier;
    private final List<String> openPrefixes;
    private final long maxBody;

    public GatewayIdentityFilter(IdentityVerifier verifier, List<String> openPrefixes, long maxBody) {
        this.verifier = verifier;
        this.openPrefixes = List.copyOf(openPrefixes);
        this.maxBody = maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        try {
            String path = request.getRequestURI();
            if (openPrefixes.stream().anyMatch(path::startsWith)) {
                chain.doFilter(request, response);
                return;
            }
            BufferedBodyRequest buffered;
            try {
                buffered = BufferedBodyRequest.read(request, maxBody);
            } catch (BufferedBodyRequest.TooLarge e) {
                ProblemResponses.write(
                        request,
                        response,
                        CommonErrorCode.PAYLOAD_TOO_LARGE,
                        "The body may be at most " + maxBody + " bytes here");
                return;
            }
            IdentityVerifier.Verdict verdict = verifier.verify(
                    request::getHeader,
                    new InternalRequest(request.getMethod(), path, request.getQueryString(), buffered.body(), null));
            if (verdict.caller().isEmpty()) {
                log.debug("Refused {} {}: {}", request.getMethod(), path, verdict.reason());
                ProblemResponses.write(
                        request,
                        response,
                        verdict.code(),
                        verdict.code() == CommonErrorCode.SIGNATURE_REPLAYED
                                ? "This signed request was already used; every internal call is signed afresh"
                                : "Call this service through the gateway; the request carries no valid gateway "
                                        + "signature for this service, method, path, query and body");
                return;
            }
            buffered.setAttribute(CALLER_ATTRIBUTE, verdict.caller().get());
            chain.doFilter(buffered, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
