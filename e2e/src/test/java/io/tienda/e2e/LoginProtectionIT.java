package io.tienda.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Brute force against the login meets the gateway's per-IP limit of five a minute. */
@ExtendWith(Fleet.class)
class LoginProtectionIT {

    @Test
    void theSixthLoginAttemptWithinAMinuteFromOneAddressIs429() {
        String address = Accounts.randomClientAddress();
        List<Integer> statuses = new ArrayList<>();
        Api.Reply last = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            last = Api.gateway().post("/api/v1/auth/login",
                            "{\"email\":\"nobody-" + attempt + "@example.com\",\"password\":\"Wrong!2345\"}")
                    .header("X-Forwarded-For", address)
                    .send();
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 5)).allMatch(status -> status == 401);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.isProblem()).isTrue();
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
    }
}
