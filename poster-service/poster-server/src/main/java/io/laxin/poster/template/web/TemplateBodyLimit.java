package io.laxin.poster.template.web;

import io.laxin.kernel.web.ProblemResponses;
import io.laxin.poster.PosterProperties;
import io.laxin.poster.api.PosterErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a template body that declares more bytes than a background at the limit, a logo and a layout can take in
 * base64 (413 IMAGE_TOO_LARGE), before JSON parsing reads it into memory. Bodies without a length are not accepted
 * on these paths (411 is not in the kernel's codes: 413 says what to do).
 */
@Component
class TemplateBodyLimit extends OncePerRequestFilter {

    private final long maxBody;

    TemplateBodyLimit(PosterProperties properties) {
        long maxBackgroundBytes = properties.background().maxBytes();
        // base64 is 4/3 of the bytes; a logo (512 KiB) and the layout fit in the extra
        this.maxBody = maxBackgroundBytes * 4 / 3 + 1024 * 1024;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded path, as it is routed: /%61pi/... is /api/... too
        return !"POST".equals(request.getMethod())
                || !UrlPathHelper.defaultInstance
                        .getPathWithinApplication(request)
                        .startsWith(TemplateController.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length < 0 || length > maxBody) {
            ProblemResponses.write(
                    request,
                    response,
                    PosterErrorCode.IMAGE_TOO_LARGE,
                    length < 0
                            ? "send the template with a Content-Length"
                            : "the body has " + length + " bytes; a template takes at most " + maxBody);
            return;
        }
        chain.doFilter(request, response);
    }
}
