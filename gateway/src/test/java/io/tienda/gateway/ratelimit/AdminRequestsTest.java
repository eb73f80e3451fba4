package io.tienda.gateway.ratelimit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of staff requests, line by line, for anonymous, customer and staff callers. */
class AdminRequestsTest {

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, customer {3}, staff {4}")
    @CsvSource({
            // method, path,                                 anonymous, customer, staff
            "GET,    /api/v1/users,                          true,  true,  true",
            "POST,   /api/v1/users,                          true,  true,  true",
            "GET,    /api/v1/users/,                         true,  true,  true",
            "GET,    /api/v1/users?role=ADMIN,               true,  true,  true",
            "PATCH,  /api/v1/users/42,                       true,  true,  true",
            "PATCH,  /api/v1/users/42/,                      true,  true,  true",
            "GET,    /api/v1/users/42,                       false, false, true",
            "DELETE, /api/v1/users/42,                       false, false, true",
            "POST,   /api/v1/users/42/unlock,                false, false, true",
            "GET,    /api/v1/users/42/export,                false, false, true",
            "GET,    /api/v1/users/me,                       false, false, false",
            "PATCH,  /api/v1/users/me,                       false, false, false",
            "PATCH,  /api/v1/users/me/,                      false, false, false",
            "PATCH,  /api/v1/users/%6De,                     false, false, false",
            "POST,   /api/v1/users/me/password,              false, false, false",
            "GET,    /api/v1/users/me/export,                false, false, false",
            "POST,   /api/v1/auth/keys/rotate,               true,  true,  true",
            "GET,    /api/v1/auth/keys,                      true,  true,  true",
            "POST,   /api/v1/auth/login,                     false, false, false",
            "POST,   /api/v1/auth/keysmith,                  false, false, false",
            "GET,    /api/v1/usersx,                         false, false, false",
            "GET,    /api/v1/orders,                         false, false, false",
            "PATCH,  /api/v1/products/42,                    false, false, false",
            "GET,    /.well-known/jwks.json,                 false, false, false"
    })
    void decidesByPathMethodAndRole(String method, String path, boolean anonymous, boolean customer, boolean staff) {
        assertThat(isAdmin(method, path, null)).as("anonymous").isEqualTo(anonymous);
        assertThat(isAdmin(method, path, token("CUSTOMER"))).as("customer").isEqualTo(customer);
        assertThat(isAdmin(method, path, token("CUSTOMER", "SUPPORT"))).as("support").isEqualTo(staff);
        assertThat(isAdmin(method, path, token("MANAGER"))).as("manager").isEqualTo(staff);
        assertThat(isAdmin(method, path, token("ADMIN"))).as("admin").isEqualTo(staff);
    }

    @ParameterizedTest
    @CsvSource({"ANALYST", "CUSTOMER"})
    void analystsAndCustomersAreNotStaff(String role) {
        assertThat(isAdmin("GET", "/api/v1/users/42", token(role))).isFalse();
    }

    private static boolean isAdmin(String method, String path, JwtAuthenticationToken principal) {
        ServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.valueOf(method), URI.create(path)));
        if (principal != null) {
            exchange = exchange.mutate().principal(Mono.<Principal>just(principal)).build();
        }
        return AdminRequests.matches(exchange).block();
    }

    private static JwtAuthenticationToken token(String... roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-" + String.join("-", roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        String[] authorities = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            authorities[i] = "ROLE_" + roles[i];
        }
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(authorities));
    }
}
