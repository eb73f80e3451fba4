package io.tienda.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleMappingTest {

    @Test
    void mapsTheRolesClaimToRoleAuthoritiesAndTheSubjectToTheName() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("u-1").claim(RoleMapping.ROLES_CLAIM, List.of("CUSTOMER", "ADMIN")).claim("scope", "ignored")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();

        var authentication = RoleMapping.converter().convert(jwt).block();

        assertThat(authentication.getName()).isEqualTo("u-1");
        assertThat(roles(authentication.getAuthorities())).containsExactlyInAnyOrder("ROLE_CUSTOMER", "ROLE_ADMIN");
    }

    @Test
    void aTokenWithoutRolesHasNoAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-2").build();

        assertThat(roles(RoleMapping.converter().convert(jwt).block().getAuthorities())).isEmpty();
    }

    /** Spring Security also records how the user authenticated (FACTOR_BEARER); only roles matter here. */
    private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(name -> name.startsWith("ROLE_")).toList();
    }
}
