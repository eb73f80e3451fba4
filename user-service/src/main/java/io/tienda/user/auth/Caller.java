package io.tienda.user.auth;

import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.ApiException;
import io.tienda.user.auth.keys.AccessTokens;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The signed-in caller as user-service sees them: their account id and the session their token belongs to. */
@Component
public class Caller {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CurrentUser currentUser;

    Caller(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The account id of the token's subject; a subject that is no account id here is a 404 for "user". */
    public UUID userId() {
        String subject = currentUser.requireId();
        return parse(subject).orElseThrow(() -> ApiException.notFound("user", subject));
    }

    /** The session ({@code sid} claim) the access token was issued in, if it carries one. */
    public Optional<UUID> sessionId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getClaimAsString(AccessTokens.CLAIM_SESSION))
                    .flatMap(Caller::parse);
        }
        return Optional.empty();
    }

    public static Optional<UUID> parse(String value) {
        return value != null && CANONICAL_UUID.matcher(value).matches() ? Optional.of(UUID.fromString(value))
                : Optional.empty();
    }
}
