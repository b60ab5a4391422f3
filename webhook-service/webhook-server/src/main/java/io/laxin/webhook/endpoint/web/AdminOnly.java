package io.laxin.webhook.endpoint.web;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.GatewayIdentityFilter;
import io.laxin.kernel.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The webhook admin API is for staff with the ADMIN role: refused with 403 before the body is read or validated
 * (the gateway signature itself is checked earlier, by the kernel's filter: 401 without it).
 */
public class AdminOnly implements HandlerInterceptor {

    public static final String PATHS = "/api/v1/admin/webhooks/**";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object caller = request.getAttribute(GatewayIdentityFilter.CALLER_ATTRIBUTE);
        if (!(caller instanceof Caller c)) {
            throw new LaxinException(CommonErrorCode.UNAUTHENTICATED, "Call this service through the gateway");
        }
        c.requireStaff(Role.ADMIN);
        return true;
    }
}
