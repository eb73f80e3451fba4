package io.tienda.gateway.logging;

import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : generate();
    }

    /**
     * A random (version 4) UUID. A request id correlates, it guards nothing, so it comes from the
     * thread's own generator rather than from {@link UUID#randomUUID()}'s SecureRandom, which cost
     * about 1 % of the gateway's CPU per request.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
