package io.tienda.user.auth;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.support.Api;
import io.tienda.user.support.MutableClock;
import io.tienda.user.support.UserEvents;
import io.tienda.user.support.UserApiIT;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, the verification event and email verification, against PostgreSQL and Kafka. */
@UserServiceTest
class RegistrationIT extends UserApiIT {

    @Autowired
    RestTestClient http;

    @Autowired
    MutableClock clock;

    @Test
    void signingUpPublishesAVerificationTokenThatVerifiesTheEmailOnce() {
        String email = Api.uniqueEmail("Ana");
        ApiReply created = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", Api.PASSWORD, "name", "Ana", "language", "en")).expect(201);
        UUID id = UUID.fromString(created.text("id"));

        assertThat(created.headers().getLocation()).hasToString("/api/v1/users/me");
        assertThat(created.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(created.body()).doesNotContain(Api.PASSWORD).doesNotContain("password");

        UserEvents.Published registered = events.await("user.registered", id.toString());
        assertThat(registered.text("userId")).isEqualTo(id.toString());
        assertThat(registered.text("email")).isEqualTo(email);
        assertThat(registered.text("name")).isEqualTo("Ana");
        assertThat(registered.text("language")).isEqualTo("en");
        assertThat(Instant.parse(registered.text("expiresAt"))).isAfter(clock.instant().plus(Duration.ofHours(23)));
        String token = registered.text("verificationToken");
        // Only its SHA-256 is stored.
        assertThat(jdbc.sql("select user_id from one_time_tokens where token_hash = :hash and purpose = 'VERIFY_EMAIL'")
                .param("hash", Secrets.sha256(token)).query(UUID.class).single()).isEqualTo(id);

        api.post("/api/v1/auth/verify-email", Map.of("token", token)).expect(204);

        String access = api.login(email, Api.PASSWORD).access();
        assertThat(api.get("/api/v1/users/me", access).expect(200).json().get("emailVerified").asBoolean()).isTrue();
        api.post("/api/v1/auth/verify-email", Map.of("token", token)).expectProblem(400, "invalid-token");
    }

    @Test
    void aVerificationTokenExpiresAfterADay() {
        String email = Api.uniqueEmail("late");
        UUID id = api.register(email, Api.PASSWORD);
        String token = events.await("user.registered", id.toString()).text("verificationToken");

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        api.post("/api/v1/auth/verify-email", Map.of("token", token)).expectProblem(400, "invalid-token");
        api.post("/api/v1/auth/verify-email", Map.of("token", "x".repeat(43))).expectProblem(400, "invalid-token");
    }

    @Test
    void anEmailHasOneAccountWhateverItsCase() {
        String email = Api.uniqueEmail("Dup");
        api.register(email, Api.PASSWORD);

        api.registerReply(email.toLowerCase(), Api.PASSWORD).expectProblem(409, "email-taken");
        api.registerReply(email.toUpperCase(), Api.PASSWORD).expectProblem(409, "email-taken");
    }

    @Test
    void anEmailHasOneAccountWhateverItsSpellingAndIsKeptAsTyped() {
        String email = Api.uniqueEmail("Lim");
        UUID id = api.register(email, Api.PASSWORD);

        api.registerReply(email.replace("Lim", "l\u0130m"), Api.PASSWORD).expectProblem(409, "email-taken");
        api.registerReply("\uFF4C" + email.substring(1), Api.PASSWORD).expectProblem(409, "email-taken");

        Map<String, Object> row = jdbc.sql("select email, email_canonical from users where id = :id").param("id", id)
                .query().singleRow();
        assertThat(row.get("email")).isEqualTo(email);
        assertThat(row.get("email_canonical")).isEqualTo(email.toLowerCase(Locale.ROOT));
    }

    @Test
    void aWeakPasswordIsRefusedWithTheRulesItBreaksAndIsNeverEchoed() {
        String weak = "Password2024!";
        ApiReply refused = api.registerReply(Api.uniqueEmail("weak"), weak).expectProblem(400, "validation");

        assertThat(refused.body()).doesNotContain(weak);
        assertThat(refused.json().get("errors").toString()).contains("password").contains("too common");

        ApiReply short_ = api.registerReply(Api.uniqueEmail("short"), "aB1!").expectProblem(400, "validation");
        assertThat(short_.json().get("errors").toString()).contains("at least 8 characters");
    }

    @Test
    void malformedSignUpsAreValidationProblems() {
        api.post("/api/v1/auth/register", Map.of("email", "not-an-email", "password", Api.PASSWORD))
                .expectProblem(400, "validation");
        api.post("/api/v1/auth/register", Map.of("email", Api.uniqueEmail("fr"), "password", Api.PASSWORD,
                "language", "fr")).expectProblem(400, "validation");
        api.post("/api/v1/auth/register", "{\"email\": 42, \"password\": {\"x\": 1}}")
                .expectProblem(400, "invalid-field-type");
        api.post("/api/v1/auth/register", "{").expectProblem(400, "malformed-request");
    }

    @Test
    void aNameOrEmailWithControlCharactersOrLineBreaksIsRefusedAndNothingIsWritten() {
        String email = Api.uniqueEmail("mallory");
        for (String name : new String[] {"Mallory\nYour account is locked: http://evil.example", "Mallory\u0000",
                "Mallory\r", "Mallory\u2028Hi", "Mallory\u0085"}) {
            ApiReply refused = api.post("/api/v1/auth/register",
                    Map.of("email", email, "password", Api.PASSWORD, "name", name)).expectProblem(400, "validation");
            assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                    .containsOnly("name");
        }
        ApiReply nul = api.post("/api/v1/auth/register",
                Map.of("email", email.replace("@", "\u0000@"), "password", Api.PASSWORD))
                .expectProblem(400, "validation");
        assertThat(nul.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsOnly("email");

        assertThat(jdbc.sql("select count(*) from users where email_canonical = :e")
                .param("e", email.toLowerCase(Locale.ROOT)).query(Integer.class).single()).isZero();
        // The address is still free, and an ordinary name is welcome.
        ApiReply created = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", Api.PASSWORD, "name", "Mallory O'Neil")).expect(201);
        assertThat(created.text("name")).isEqualTo("Mallory O'Neil");
        assertThat(events.await("user.registered", created.text("id")).text("name")).isEqualTo("Mallory O'Neil");
    }

    @Test
    void theLanguageDefaultsFromAcceptLanguageElseSpanish() {
        ApiReply spanish = api.registerReply(Api.uniqueEmail("es"), Api.PASSWORD).expect(201);
        assertThat(spanish.text("language")).isEqualTo("es");

        String email = Api.uniqueEmail("en");
        var reply = http.post().uri("/api/v1/auth/register").header("Accept-Language", "en-GB,en;q=0.9")
                .header("X-Forwarded-For", api.ip())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", Api.PASSWORD))
                .exchange().returnResult(String.class);
        assertThat(TestApi.JSON.readTree(reply.getResponseBody()).get("language").asString()).isEqualTo("en");
    }

    @Test
    void newAccountsAreCustomersWithAnArgon2idHash() {
        String email = Api.uniqueEmail("hash");
        UUID id = api.register(email, Api.PASSWORD);

        Map<String, Object> row = jdbc.sql("select password_hash, roles::text as roles from users where id = :id")
                .param("id", id).query().singleRow();
        assertThat((String) row.get("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain(Api.PASSWORD);
        assertThat(row.get("roles")).isEqualTo("{CUSTOMER}");
    }
}
