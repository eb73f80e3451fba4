package io.tienda.user.auth;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.support.Api;
import io.tienda.user.support.MutableClock;
import io.tienda.user.support.UserEvents;
import io.tienda.user.support.UserApiIT;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Forgotten passwords: the same answer for everyone, a single-use expiring token, sessions ended. */
@UserServiceTest
class PasswordResetIT extends UserApiIT {

    private static final String NEW_PASSWORD = "Nb4$kRw9!pXe";
    private static final String CHANGED_PASSWORD = "Zt8&mQv3!hJs";

    @Autowired
    MutableClock clock;

    @Test
    void aResetTokenSetsANewPasswordOnceAndEndsEverySession() {
        Api.Account account = api.newAccount("forgetful");
        Api.Tokens otherDevice = api.login(account.email(), account.password());

        api.post("/api/v1/auth/forgot-password", Map.of("email", account.email().toUpperCase())).expect(202);
        UserEvents.Published requested = events.await("user.password_reset_requested", account.id().toString());
        assertThat(requested.text("email")).isEqualTo(account.email());
        assertThat(requested.text("language")).isEqualTo("es");
        assertThat(Instant.parse(requested.text("expiresAt"))).isBefore(clock.instant().plus(Duration.ofMinutes(61)));
        String token = requested.text("token");
        assertThat(jdbc.sql("select count(*) from one_time_tokens where token_hash = :h and purpose = 'RESET_PASSWORD'")
                .param("h", Secrets.sha256(token)).query(Integer.class).single()).isEqualTo(1);

        api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", NEW_PASSWORD)).expect(204);

        api.loginReply(account.email(), account.password()).expectProblem(401, "invalid-credentials");
        api.login(account.email(), NEW_PASSWORD);
        api.refreshReply(account.tokens().refresh()).expectProblem(401, "invalid-refresh-token");
        api.refreshReply(otherDevice.refresh()).expectProblem(401, "invalid-refresh-token");
        api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", "Other#Pass123x"))
                .expectProblem(400, "invalid-token");
    }

    @Test
    void anotherSpellingOfTheAddressGetsTheLinkMailedToTheAddressAsRegistered() {
        Api.Account account = api.newAccount("lim");

        api.post("/api/v1/auth/forgot-password", Map.of("email", account.email().replace("lim", "L\u0130M")))
                .expect(202);

        assertThat(events.await("user.password_reset_requested", account.id().toString()).text("email"))
                .isEqualTo(account.email());
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        Api.Account known = api.newAccount("known");
        String unknown = Api.uniqueEmail("ghost");

        ApiReply forUnknown = api.post("/api/v1/auth/forgot-password", Map.of("email", unknown)).expect(202);
        ApiReply forKnown = api.post("/api/v1/auth/forgot-password", Map.of("email", known.email())).expect(202);

        assertThat(forUnknown.json()).isEqualTo(forKnown.json());
        // The known address's mail proves the worker has handled the earlier request too.
        events.await("user.password_reset_requested", known.id().toString());
        assertThat(events.everything()).noneMatch(p -> p.body().contains(unknown));
        assertThat(jdbc.sql("select count(*) from password_reset_requests where email = :e").param("e", unknown)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aResetTokenExpiresAfterAnHour() {
        Api.Account account = api.newAccount("slow");
        String token = resetToken(account.id(), account.email());

        clock.advance(Duration.ofMinutes(61));

        api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", NEW_PASSWORD))
                .expectProblem(400, "invalid-token");
        api.login(account.email(), account.password());
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheTokenStillWorks() {
        Api.Account account = api.newAccount("weak");
        String token = resetToken(account.id(), account.email());

        ApiReply refused = api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", "Password1!"))
                .expectProblem(400, "validation");
        assertThat(refused.body()).doesNotContain("Password1!");

        api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", NEW_PASSWORD)).expect(204);
    }

    @Test
    void onlyTheNewestLinkWorksAndAResetVerifiesTheEmailAndLiftsALockout() {
        Api.Account account = api.newAccount("locked");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            api.fromAnotherIp().loginReply(account.email(), "Wrong#Password1").expect(401);
        }
        api.fromAnotherIp().loginReply(account.email(), account.password()).expect(429);
        String first = resetToken(account.id(), account.email());
        String second = newestResetToken(account.id(), account.email(), first);

        api.post("/api/v1/auth/reset-password", Map.of("token", first, "password", NEW_PASSWORD))
                .expectProblem(400, "invalid-token");
        api.post("/api/v1/auth/reset-password", Map.of("token", second, "password", NEW_PASSWORD)).expect(204);

        Api.Tokens tokens = api.fromAnotherIp().login(account.email(), NEW_PASSWORD);
        assertThat(api.get("/api/v1/users/me", tokens.access()).json().get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void aPasswordChangeVoidsAPendingResetLink() {
        Api.Account account = api.newAccount("changed-meanwhile");
        String token = resetToken(account.id(), account.email());

        api.post("/api/v1/users/me/password", account.tokens().access(),
                Map.of("currentPassword", account.password(), "newPassword", CHANGED_PASSWORD)).expect(204);

        api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", NEW_PASSWORD))
                .expectProblem(400, "invalid-token");
        api.loginReply(account.email(), NEW_PASSWORD).expectProblem(401, "invalid-credentials");
        api.login(account.email(), CHANGED_PASSWORD);
    }

    @Test
    void aResetLinkDoesNotOutliveADeactivation() {
        Api.Account account = api.newAccount("suspended");
        String admin = api.admin().access();
        String token = resetToken(account.id(), account.email());

        api.patch("/api/v1/users/" + account.id(), admin, Map.of("status", "DEACTIVATED")).expect(200);
        api.patch("/api/v1/users/" + account.id(), admin, Map.of("status", "ACTIVE")).expect(200);

        api.post("/api/v1/auth/reset-password", Map.of("token", token, "password", NEW_PASSWORD))
                .expectProblem(400, "invalid-token");
        api.loginReply(account.email(), NEW_PASSWORD).expectProblem(401, "invalid-credentials");
        api.login(account.email(), account.password());
    }

    @Test
    void atMostThreeResetMailsPerAccountAndHour() {
        Api.Account account = api.newAccount("flood");
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/forgot-password", Map.of("email", account.email())).expect(202);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from password_reset_requests where lower(email) = lower(:e)")
                .param("e", account.email()).query(Integer.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from one_time_tokens where user_id = :u and purpose = 'RESET_PASSWORD'")
                .param("u", account.id()).query(Integer.class).single()).isEqualTo(3);
    }

    /** Asks for a reset and returns the token from the published event. */
    private String resetToken(UUID userId, String email) {
        api.post("/api/v1/auth/forgot-password", Map.of("email", email)).expect(202);
        return events.await("user.password_reset_requested", userId.toString()).text("token");
    }

    /** Asks again and returns the token of the event that is not {@code previous}. */
    private String newestResetToken(UUID userId, String email, String previous) {
        api.post("/api/v1/auth/forgot-password", Map.of("email", email)).expect(202);
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> events.all("user.password_reset_requested", userId.toString()).stream()
                        .map(p -> p.text("token")).filter(t -> !t.equals(previous)).findFirst().orElse(null),
                token -> token != null);
    }
}
