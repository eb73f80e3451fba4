package io.tienda.gateway.logging;

import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a client's request to every log line, problem and downstream call it causes.
 * A caller's own id is kept when it is safe to echo into headers and logs; anything else is replaced.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestId.class.getName();

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestId() {
    }

    /** The id assigned to this exchange, or {@code null} before {@link RequestIdFilter} ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String acceptOrGenerate(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
