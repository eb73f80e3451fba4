package io.tienda.user;

import io.tienda.platform.messaging.ProducerFailureLog;
import io.tienda.user.account.domain.EmailAddresses;
import io.tienda.user.auth.keys.AccessTokens;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static io.tienda.platform.testing.ServiceChecks.expectTopicsWithDeadLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * user-service against real PostgreSQL and Kafka: the caller's profile, the password policy, and its
 * stores. Tokens come from the service's own issuer: it trusts no other key.
 */
@UserServiceTest
class UserServiceIT {

    private static final Instant CREATED = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    AccessTokens accessTokens;

    @Test
    void aSignedInUserReadsTheirOwnProfileWithoutItsPasswordHash() {
        UUID id = insertUser(uniqueEmail("Alice"), "Alice", "{CUSTOMER}");

        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token(id.toString(), "CUSTOMER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id.toString())
                .jsonPath("$.name").isEqualTo("Alice")
                .jsonPath("$.email").value(String.class, email -> assertThat(email).startsWith("Alice+"))
                .jsonPath("$.roles").isEqualTo(List.of("CUSTOMER"))
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.emailVerified").isEqualTo(false)
                .jsonPath("$.createdAt").isEqualTo(CREATED.toString())
                .jsonPath("$.language").isEqualTo("es")
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$").value(Map.class, body -> assertThat(body.keySet()).containsExactlyInAnyOrder(
                        "id", "email", "name", "phone", "language", "currency", "marketingConsent",
                        "marketingConsentAt", "roles", "status", "emailVerified", "createdAt"));
    }

    @Test
    void staffSeeTheirRolesInTheirProfile() {
        UUID id = insertUser(uniqueEmail("manager"), "Marta", "{MANAGER,SUPPORT}");

        http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth(token(id.toString(), "MANAGER")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles").isEqualTo(List.of("MANAGER", "SUPPORT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f1d0c8e-8e4b-4c37-b0e4-2d2f5f1b9a11", "not-a-uuid", "1-1-1-1-1"})
    void aSubjectWithoutAnAccountIsANotFoundProblem(String subject) {
        expectProblem(http.get().uri("/api/v1/users/me")
                .headers(h -> h.setBearerAuth(token(subject, "CUSTOMER"))).exchange(), 404, "not-found");
    }

    @Test
    void anonymousCallersGetAnUnauthorizedProblem() {
        expectProblem(http.get().uri("/api/v1/users/me").exchange(), 401, "unauthorized");
        expectProblem(http.get().uri("/api/v1/users/me").headers(h -> h.setBearerAuth("garbage")).exchange(), 401,
                "unauthorized");
    }

    @Test
    void anyoneMayReadThePasswordPolicy() {
        http.get().uri("/api/v1/auth/password-policy")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"minLength": 8, "maxLength": 128, "requireUpper": true, "requireLower": true,
                         "requireDigit": true, "requireSymbol": true, "rejectsCommonPasswords": true}""");
    }

    @Test
    void onlyReadingThePasswordPolicyIsPublic() {
        expectProblem(http.post().uri("/api/v1/auth/password-policy").exchange(), 401, "unauthorized");
        expectProblem(http.post().uri("/api/v1/auth/password-policy")
                .headers(h -> h.setBearerAuth(token("u-1", "CUSTOMER"))).exchange(), 405, "method-not-allowed");
    }

    @Test
    void anEmailBelongsToOneAccountWhateverItsCaseOrSpelling() {
        String email = uniqueEmail("Bim");
        insertUser(email, "Bim", "{CUSTOMER}");

        assertThatThrownBy(() -> insertUser(email.toLowerCase(), "Bimmy", "{CUSTOMER}"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertUser(email.replace("Bim", "B\u0130M"), "Bimmy", "{CUSTOMER}"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theTableRefusesUnknownRolesAndAccountsWithoutRoles() {
        assertThatThrownBy(() -> insertUser(uniqueEmail("x"), "X", "{CUSTOMER,ROOT}"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertUser(uniqueEmail("y"), "Y", "{}"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void readinessReportsTheDatabase() {
        expectReady(http, "db");
    }

    @Test
    void theTopicItWritesExistsWithItsDeadLetterTopic() {
        expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"), "user.events");
    }

    @Test
    void failedSendsAreLoggedWithoutTheTokensTheMessagesCarry(@Autowired ProducerListener<Object, Object> listener) {
        // the platform's, which never logs a message's key or payload (platform KafkaOutageIT)
        assertThat(listener).isInstanceOf(ProducerFailureLog.class);
    }

    @Test
    void theEndpointsAreDocumented() {
        expectDocumented(http, "/api/v1/users/me", "/api/v1/auth/password-policy", "/api/v1/users/me/addresses",
                "/api/v1/users/me/export", "/api/v1/users", "/api/v1/users/{id}", "/.well-known/jwks.json");
    }

    /** A token from the service's own issuer, for any subject: the local decoder trusts nothing else. */
    private String token(String subject, String... roles) {
        return accessTokens.issue(new AccessTokens.Subject(subject, subject + "@example.com", false, List.of(roles)),
                null).token();
    }

    /** Writes an account as an older release did; the hash is a placeholder no password matches. */
    private UUID insertUser(String email, String displayName, String roles) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into users (id, email, email_canonical, password_hash, display_name, roles, created_at,
                                           updated_at)
                        values (:id, :email, :canonical, '$argon2id$v=19$m=19456,t=2,p=1$placeholder', :name,
                                cast(:roles as text[]), :at, :at)""")
                .param("id", id).param("email", email).param("canonical", EmailAddresses.canonical(email))
                .param("name", displayName).param("roles", roles)
                .param("at", CREATED.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private static String uniqueEmail(String name) {
        return name + "+" + UUID.randomUUID() + "@Example.com";
    }
}
