package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A user an admin deactivates can no longer refresh or log in: their sessions end with their access token. */
@ExtendWith(Fleet.class)
class DeactivatedUserIT {

    @Test
    void aDeactivatedUsersRefreshTokenIsRefused() {
        String email = "leaving-" + UUID.randomUUID() + "@example.com";
        String password = "Leaving!2345x";
        Api.Reply registered = Api.gateway().post("/api/v1/auth/register",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Leaving User\"}")
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        assertThat(registered.status()).as(registered.body()).isBetween(200, 202);
        Accounts.Session session = Accounts.login(email, password);

        Api.Reply deactivated = Api.gateway().method("PATCH", "/api/v1/users/" + session.userId(),
                        "{\"status\":\"DEACTIVATED\"}")
                .bearer(Accounts.session(Account.ADMIN).accessToken())
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

        Api.Reply refresh = Api.gateway().post("/api/v1/auth/refresh",
                        "{\"refresh_token\":\"" + session.refreshToken() + "\"}")
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.isProblem()).isTrue();
        Api.Reply login = Api.gateway().post("/api/v1/auth/login",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
        // The right password on a deactivated account says so, rather than pretending it was wrong.
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("type").asString()).endsWith("/account-deactivated");
    }
}
