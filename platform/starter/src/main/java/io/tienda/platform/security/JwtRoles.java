package io.tienda.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;

/** Maps the {@code roles} claim (a list of role names) to {@code ROLE_x} authorities. */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String PREFIX = "ROLE_";
    static final String CLAIM = "roles";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM);
        Collection<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                .filter(role -> role != null && !role.isBlank())
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
