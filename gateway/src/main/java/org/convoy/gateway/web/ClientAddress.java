package org.convoy.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/** The address a request came from: the connection's, or X-Forwarded-For's first entry behind a trusted proxy. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
