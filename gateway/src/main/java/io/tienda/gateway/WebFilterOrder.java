package io.tienda.gateway;

import org.springframework.core.Ordered;

/**
 * Where each of the gateway's web filters sits, outermost first, so the chain reads in one place.
 * Everything here runs before Spring Security's chain, which runs before routing.
 */
public final class WebFilterOrder {

    /** Every later filter, log line and problem needs the request id. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;

    /** Hardening headers, also on refusals that never reach the security chain. */
    public static final int SECURITY_HEADERS = REQUEST_ID + 5;

    /** Outside problem rendering, so the logged status is the one the client got. */
    public static final int ACCESS_LOG = REQUEST_ID + 10;

    /** Turns any error from the filters below or from routing into a problem response. */
    public static final int PROBLEMS = ACCESS_LOG + 10;

    /** Refuses oversized bodies before anything reads or buffers them. */
    public static final int REQUEST_SIZE = PROBLEMS + 10;

    /** Spring Security's chain ({@code @EnableWebFluxSecurity} registers it at -100). */
    public static final int SECURITY = -100;

    /** Preflights carry no credentials, so CORS is answered before authentication. */
    public static final int CORS = SECURITY - 1;

    private WebFilterOrder() {
    }
}
