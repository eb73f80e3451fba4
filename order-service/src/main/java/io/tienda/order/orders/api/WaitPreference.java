package io.tienda.order.orders.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of a {@code Prefer} header (RFC 7240): how many seconds the client is
 * willing to wait for the answer. A preference the server cannot read is ignored, as the RFC says, so
 * a bad value never fails the request: it is answered at once. A number of seconds too large to hold is
 * read as the most the server waits, as RFC 9111 section 1.2.2 reads such a delta-seconds, not ignored.
 */
final class WaitPreference {

    private WaitPreference() {
    }

    /** The wait asked for, at most {@code max}; empty when none (or none readable) is asked for. */
    static Optional<Duration> of(String prefer, Duration max) {
        if (prefer == null || prefer.isBlank()) {
            return Optional.empty();
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].strip();
            int equals = token.indexOf('=');
            if (equals < 0 || !token.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("wait")) {
                continue;
            }
            String value = token.substring(equals + 1).strip();
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.matches("\\d+")) {
                return Optional.empty();
            }
            String digits = value.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 9) {
                return Optional.of(max);
            }
            long seconds = Long.parseLong(digits);
            if (seconds == 0) {
                return Optional.empty();
            }
            Duration asked = Duration.ofSeconds(seconds);
            return Optional.of(asked.compareTo(max) > 0 ? max : asked);
        }
        return Optional.empty();
    }

    /** The {@code Preference-Applied} value for a wait of this length. */
    static String applied(Duration wait) {
        return "wait=" + Math.max(1, wait.toSeconds());
    }
}
