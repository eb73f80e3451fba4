package io.tienda.platform.security;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.tienda.platform.core.Roles;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the validated JWT of the current request, and the ownership rule every
 * service applies: a customer reaches only their own resources; staff reach what their role allows.
 */
public class CurrentUser {

    /** The subject ({@code sub}) of the caller's token, if there is one. */
    public Optional<String> id() {
        return jwt().map(Jwt::getSubject);
    }

    public String requireId() {
        return id().orElseThrow(() -> new DomainException(ProblemType.UNAUTHORIZED, "A valid bearer token is required"));
    }

    public Optional<String> email() {
        return jwt().map(jwt -> jwt.getClaimAsString("email"));
    }

    public Set<String> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(JwtRoles.PREFIX))
                .map(a -> a.substring(JwtRoles.PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasAnyRole(String... roles) {
        return hasAnyRole(Arrays.asList(roles));
    }

    /** Whether the caller holds one of {@code roles}, e.g. {@link Roles#STAFF}. */
    public boolean hasAnyRole(Collection<String> roles) {
        Set<String> mine = roles();
        return roles.stream().anyMatch(mine::contains);
    }

    /** Whether the caller is staff ({@link Roles#STAFF}): support, managers and administrators. */
    public boolean isStaff() {
        return hasAnyRole(Roles.STAFF);
    }

    /**
     * Lets the owner through, and callers holding one of {@code staffRoles}. Anyone else gets a
     * 404 rather than a 403, so that ids of other people's resources reveal nothing.
     */
    public void requireOwnerOr(String ownerId, String what, Object id, String... staffRoles) {
        requireOwnerOr(ownerId, what, id, Arrays.asList(staffRoles));
    }

    /** {@link #requireOwnerOr(String, String, Object, String...)} with a role set such as {@link Roles#STAFF}. */
    public void requireOwnerOr(String ownerId, String what, Object id, Collection<String> staffRoles) {
        String caller = requireId();
        if (caller.equals(ownerId) || hasAnyRole(staffRoles)) {
            return;
        }
        throw DomainException.notFound(what, id);
    }

    private static Optional<Jwt> jwt() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken token ? Optional.of(token.getToken()) : Optional.empty();
    }
}
