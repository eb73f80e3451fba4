package io.tienda.gateway.logging;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated user of an exchange as the access log shows it. The security context lives
 * in the reactive context of the security chain only, so the chain records the user here for
 * the access log, which runs outside it.
 */
public final class LoggedUser {

    private static final String ATTRIBUTE = LoggedUser.class.getName();

    private LoggedUser() {
    }

    public static void record(ServerWebExchange exchange, String user) {
        exchange.getAttributes().put(ATTRIBUTE, user);
    }

    static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
