package io.tienda.user.auth;

import io.tienda.user.auth.keys.AccessTokens;

import java.time.Duration;
import java.util.UUID;

/** What a sign-in or a refresh hands out. */
public record TokenPair(AccessTokens.Issued access, String refreshToken, Duration refreshTtl, UUID sessionId) {

    @Override
    public String toString() {
        return "TokenPair[session=" + sessionId + ", " + access + "]";
    }
}
