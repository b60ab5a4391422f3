package io.laxin.kernel.identity;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.web.ProblemResponses;
import io.laxin.kernel.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Accepts a request only when it carries identity headers signed by the gateway (or by a sibling service), so a
 * call that goes around the gateway gets 401. Also puts the request id in the MDC for every log line.
 */
public class GatewayIdentityFilter extends OncePerRequestFilter {

    public static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final IdentitySigner signer;
    private final List<String> openPrefixes;

    public GatewayIdentityFilter(IdentitySigner signer, List<String> openPrefixes) {
        this.signer = signer;
        this.openPrefixes = List.copyOf(openPrefixes);
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
            Optional<Caller> caller = signer.verify(request.getHeader(IdentityHeaders.CALLER),
                    request.getHeader(IdentityHeaders.ROLES), request.getHeader(IdentityHeaders.TIMESTAMP),
                    request.getHeader(IdentityHeaders.SIGNATURE), request.getMethod(), path);
            if (caller.isEmpty()) {
                ProblemResponses.write(request, response, CommonErrorCode.UNAUTHENTICATED,
                        "Call this service through the gateway; the request carries no valid gateway signature");
                return;
            }
            request.setAttribute(CALLER_ATTRIBUTE, caller.get());
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
