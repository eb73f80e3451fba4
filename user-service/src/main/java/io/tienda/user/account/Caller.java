package io.tienda.user.account;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The signed-in caller as user-service sees them: the account their token was issued for. The
 * session the token belongs to is auth's business (see {@code auth.api.PasswordResource}).
 */
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
        return parse(subject).orElseThrow(() -> DomainException.notFound("user", subject));
    }

    public static Optional<UUID> parse(String value) {
        return value != null && CANONICAL_UUID.matcher(value).matches() ? Optional.of(UUID.fromString(value))
                : Optional.empty();
    }
}
