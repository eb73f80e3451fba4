package io.tienda.user.auth;

import io.tienda.user.UsersProperties;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.Users;
import io.tienda.user.auth.domain.RefreshTokenFamilies;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.auth.keys.AccessTokens;
import io.tienda.user.auth.persistence.SessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sessions: refresh-token families. A sign-in starts one; each refresh rotates its token; logout,
 * a password change or reset, deactivation, erasure and detected reuse revoke it. See
 * {@link RefreshTokenFamilies} for the rules.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    public static final String LOGOUT = "LOGOUT";
    public static final String REUSE_DETECTED = "REUSE_DETECTED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String DEACTIVATED = "DEACTIVATED";

    private final SessionRepository sessions;
    private final Users users;
    private final AccessTokens accessTokens;
    private final TransactionTemplate transactions;
    private final Duration refreshTtl;
    private final Clock clock;

    Sessions(SessionRepository sessions, Users users, AccessTokens accessTokens,
            TransactionTemplate transactions, UsersProperties properties, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.refreshTtl = properties.tokens().refreshTtl();
        this.clock = clock;
    }

    /** A new session for {@code user}; joins the caller's transaction when there is one. */
    public TokenPair start(User user, Client client) {
        Instant now = clock.instant();
        UUID familyId = UUID.randomUUID();
        String refreshToken = Secrets.newToken();
        Instant expiresAt = now.plus(refreshTtl);
        transactions.executeWithoutResult(status -> {
            sessions.createFamily(familyId, user.id(), now, expiresAt, client.ip(), client.userAgent());
            sessions.insertToken(Secrets.sha256(refreshToken), familyId, now, expiresAt);
        });
        return new TokenPair(accessTokens.issue(subject(user), familyId), refreshToken, refreshTtl, familyId);
    }

    /** Exchanges a refresh token for a new pair; any refusal is the same 401. */
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        byte[] hash = Secrets.sha256(refreshToken);
        Rotation rotation = transactions.execute(status -> rotate(hash, now));
        if (rotation == null || rotation.user() == null) {
            throw AuthProblems.invalidRefreshToken();
        }
        return new TokenPair(accessTokens.issue(subject(rotation.user()), rotation.familyId()), rotation.token(),
                refreshTtl, rotation.familyId());
    }

    private record Rotation(User user, UUID familyId, String token) {
    }

    private Rotation rotate(byte[] hash, Instant now) {
        var found = sessions.lockToken(hash);
        if (found.isEmpty()) {
            return null;
        }
        SessionRepository.LockedToken token = found.get();
        User user = users.findById(token.userId()).orElse(null);
        boolean maySignIn = user != null && user.status().maySignIn();
        var outcome = RefreshTokenFamilies.present(new RefreshTokenFamilies.Presented(token.expiresAt(),
                token.usedAt(), token.familyRevokedAt(), maySignIn), now);
        switch (outcome) {
            case ROTATE -> {
                String next = Secrets.newToken();
                Instant expiresAt = now.plus(refreshTtl);
                sessions.markUsed(hash, now);
                sessions.insertToken(Secrets.sha256(next), token.familyId(), now, expiresAt);
                sessions.touchFamily(token.familyId(), now, expiresAt);
                return new Rotation(user, token.familyId(), next);
            }
            case REUSE_DETECTED -> {
                // Committed although the caller gets a 401: the revocation is the point.
                sessions.revokeFamily(token.familyId(), REUSE_DETECTED, now);
                log.warn("refresh token reuse in session {} of user {}: session revoked", token.familyId(),
                        token.userId());
                return new Rotation(null, token.familyId(), null);
            }
            case ACCOUNT_INACTIVE -> {
                sessions.revokeFamily(token.familyId(), DEACTIVATED, now);
                return new Rotation(null, token.familyId(), null);
            }
            default -> {
                return new Rotation(null, token.familyId(), null);
            }
        }
    }

    /** Ends the session the token belongs to. Unknown tokens are ignored: logging out twice is fine. */
    public void logout(String refreshToken) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> sessions.lockToken(Secrets.sha256(refreshToken))
                .ifPresent(token -> sessions.revokeFamily(token.familyId(), LOGOUT, now)));
    }

    /** Revokes every session of the user but {@code keep} (null: all); joins the caller's transaction. */
    public int revokeAll(UUID userId, UUID keep, String reason) {
        Instant now = clock.instant();
        Integer revoked = transactions.execute(status -> sessions.revokeAllOf(userId, keep, reason, now));
        return revoked == null ? 0 : revoked;
    }

    static AccessTokens.Subject subject(User user) {
        return new AccessTokens.Subject(user.id().toString(), user.email(), user.emailVerified(), user.roles());
    }
}
