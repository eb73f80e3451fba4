package io.tienda.user.auth;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.support.Api;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in user changes their password: other sessions end, theirs stays. */
@UserServiceTest
class PasswordChangeIT {

    private static final String NEW_PASSWORD = "Zt8&mQv3!hJs";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButTheCallers() {
        Api.Account account = api.newAccount("changer");
        Api.Tokens laptop = api.login(account.email(), account.password());
        Api.Tokens phone = api.login(account.email(), account.password());

        api.post("/api/v1/users/me/password", laptop.access(),
                Map.of("currentPassword", account.password(), "newPassword", NEW_PASSWORD)).expect(204);

        api.refresh(laptop.refresh());
        api.refreshReply(phone.refresh()).expectProblem(401, "invalid-refresh-token");
        api.refreshReply(account.tokens().refresh()).expectProblem(401, "invalid-refresh-token");
        api.loginReply(account.email(), account.password()).expectProblem(401, "invalid-credentials");
        api.login(account.email(), NEW_PASSWORD);
    }

    @Test
    void theCurrentPasswordIsRequiredAndItsGuessesAreThrottled() {
        Api.Account account = api.newAccount("guarded");
        String access = account.tokens().access();

        api.post("/api/v1/users/me/password", access,
                Map.of("currentPassword", "Wrong#Password1", "newPassword", NEW_PASSWORD))
                .expectProblem(403, "wrong-password");
        api.post("/api/v1/users/me/password", access,
                Map.of("currentPassword", "Wrong#Password1", "newPassword", NEW_PASSWORD))
                .expectProblem(403, "wrong-password");
        ApiReply throttled = api.post("/api/v1/users/me/password", access,
                Map.of("currentPassword", account.password(), "newPassword", NEW_PASSWORD));

        throttled.expectProblem(429, "login-throttled");
        assertThat(throttled.headers().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void theNewPasswordMustSatisfyThePolicyAndDiffer() {
        Api.Account account = api.newAccount("policy");
        String access = account.tokens().access();

        ApiReply weak = api.post("/api/v1/users/me/password", access,
                Map.of("currentPassword", account.password(), "newPassword", "qwerty123"))
                .expectProblem(400, "validation");
        assertThat(weak.body()).doesNotContain("qwerty123").doesNotContain(account.password());
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

        api.post("/api/v1/users/me/password", access,
                Map.of("currentPassword", account.password(), "newPassword", account.password()))
                .expectProblem(400, "validation");
    }

    @Test
    void changingAPasswordNeedsAToken() {
        api.post("/api/v1/users/me/password", Map.of("currentPassword", "a", "newPassword", "b"))
                .expectProblem(401, "unauthorized");
    }
}
