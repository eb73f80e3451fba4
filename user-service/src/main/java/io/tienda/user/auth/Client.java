package io.tienda.user.auth;

/**
 * Who is on the other end of a sign-in: the client IP (see {@code api.ClientIp}) and its user agent,
 * for throttling and the audit.
 */
public record Client(String ip, String userAgent) {
}
