package io.laxin.invite.touch.web;

import jakarta.servlet.http.HttpServletRequest;

/** The visitor's address: the first {@code X-Forwarded-For} hop the gateway passes on, else the peer. */
final class ClientIps {

    private ClientIps() {}

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.getRemoteAddr();
    }
}
