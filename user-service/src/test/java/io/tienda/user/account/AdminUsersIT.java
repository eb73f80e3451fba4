package io.tienda.user.account;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.support.Api;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins find accounts, change roles, deactivate; they cannot lock themselves out. */
@UserServiceTest
class AdminUsersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.admin().access();
    }

    @Test
    void searchFindsByEmailOrNameAndPages() {
        String tag = "needle" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            api.register(Api.uniqueEmail(tag + i), Api.PASSWORD);
        }
        String byName = api.newAccount("other").id().toString();
        api.patch("/api/v1/users/me", api.login(emailOf(byName), Api.PASSWORD).access(),
                Map.of("name", "Señora " + tag.toUpperCase())).expect(200);

        ApiReply page = api.get("/api/v1/users?q=" + tag + "&size=2", admin).expect(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(4);
        assertThat(page.json().get("items").size()).isEqualTo(2);
        assertThat(page.json().get("size").asInt()).isEqualTo(2);
        ApiReply second = api.get("/api/v1/users?q=" + tag + "&size=2&page=1", admin).expect(200);
        assertThat(second.json().get("items").size()).isEqualTo(2);
        assertThat(second.body()).doesNotContain("password").doesNotContain("argon2");

        ApiReply managers = api.get("/api/v1/users?role=MANAGER&status=ACTIVE", admin).expect(200);
        assertThat(managers.json().get("items").valueStream().map(u -> u.get("email").asString()))
                .contains("manager@tienda.local");
        assertThat(api.get("/api/v1/users?q=%25&size=1", admin).expect(200).json().get("total").asLong()).isZero();
    }

    @Test
    void badSearchParametersAreProblems() {
        api.get("/api/v1/users?role=ROOT", admin).expectProblem(400, "invalid-parameter");
        api.get("/api/v1/users?status=GONE", admin).expectProblem(400, "invalid-parameter");
        api.get("/api/v1/users?size=1000", admin).expectProblem(400, "validation");
    }

    @Test
    void onlyAdminsMayAdministerAccounts() {
        Api.Account customer = api.newAccount("curious");
        String support = api.login("support@tienda.local", "Support!2345").access();

        api.get("/api/v1/users", customer.tokens().access()).expectProblem(403, "forbidden");
        api.get("/api/v1/users", support).expectProblem(403, "forbidden");
        api.patch("/api/v1/users/" + customer.id(), customer.tokens().access(), Map.of("roles", List.of("ADMIN")))
                .expectProblem(403, "forbidden");
        api.get("/api/v1/users", null).expectProblem(401, "unauthorized");
    }

    @Test
    void newRolesApplyFromTheNextRefresh() {
        Api.Account account = api.newAccount("promoted");

        ApiReply changed = api.patch("/api/v1/users/" + account.id(), admin,
                Map.of("roles", List.of("SUPPORT", "CUSTOMER", "SUPPORT"))).expect(200);

        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"CUSTOMER\",\"SUPPORT\"]");
        Api.Tokens refreshed = api.refresh(account.tokens().refresh());
        assertThat(api.get("/api/v1/users/me", refreshed.access()).json().get("roles").toString())
                .isEqualTo("[\"CUSTOMER\",\"SUPPORT\"]");
        api.patch("/api/v1/users/" + account.id(), admin, Map.of("roles", List.of("ROOT")))
                .expectProblem(400, "invalid-parameter");
        api.patch("/api/v1/users/" + account.id(), admin, Map.of("roles", List.of()))
                .expectProblem(400, "validation");
    }

    @Test
    void aNullRoleIsRefusedFieldByFieldAndChangesNothing() {
        Api.Account account = api.newAccount("null-role");

        api.patch("/api/v1/users/" + account.id(), admin, Map.of("roles", Collections.singletonList(null)))
                .expectProblem(400, "validation");
        Map<String, Object> change = new HashMap<>();
        change.put("roles", Arrays.asList("SUPPORT", null));
        change.put("status", "DEACTIVATED");
        ApiReply refused = api.patch("/api/v1/users/" + account.id(), admin, change).expectProblem(400, "validation");

        assertThat(refused.errorFields()).containsExactly("roles[1]");
        ApiReply unchanged = api.get("/api/v1/users/" + account.id(), admin).expect(200);
        assertThat(unchanged.json().get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        assertThat(unchanged.text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void deactivationBlocksSignInAndRefreshUntilReactivated() {
        Api.Account account = api.newAccount("deactivated");

        ApiReply changed = api.patch("/api/v1/users/" + account.id(), admin, Map.of("status", "DEACTIVATED"))
                .expect(200);

        assertThat(changed.text("status")).isEqualTo("DEACTIVATED");
        api.refreshReply(account.tokens().refresh()).expectProblem(401, "invalid-refresh-token");
        api.loginReply(account.email(), account.password()).expectProblem(403, "account-deactivated");
        api.loginReply(account.email(), "Wrong#Password1").expectProblem(401, "invalid-credentials");
        api.get("/api/v1/users/me", account.tokens().access()).expectProblem(404, "not-found");
        api.get("/api/v1/users/me/addresses", account.tokens().access()).expectProblem(404, "not-found");
        api.post("/api/v1/users/me/addresses", account.tokens().access(),
                AddressBookIT.address("SHIPPING", "Home", null)).expectProblem(404, "not-found");
        assertThat(jdbc.sql("select count(*) from addresses where user_id = :u").param("u", account.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from refresh_token_families where user_id = :u and revoked_at is null")
                .param("u", account.id()).query(Integer.class).single()).isZero();

        api.patch("/api/v1/users/" + account.id(), admin, Map.of("status", "ACTIVE")).expect(200);
        api.fromAnotherIp().login(account.email(), account.password());
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselvesButAnotherAdminCan() {
        Api.Account second = api.newAccount("second-admin");
        api.patch("/api/v1/users/" + second.id(), admin, Map.of("roles", List.of("ADMIN"))).expect(200);
        String secondAdmin = api.refresh(second.tokens().refresh()).access();

        api.patch("/api/v1/users/" + second.id(), secondAdmin, Map.of("roles", List.of("CUSTOMER")))
                .expectProblem(409, "conflict");
        api.patch("/api/v1/users/" + second.id(), secondAdmin, Map.of("status", "DEACTIVATED"))
                .expectProblem(409, "conflict");
        api.patch("/api/v1/users/" + second.id(), secondAdmin, Map.of("roles", List.of("ADMIN", "SUPPORT")))
                .expect(200);

        api.patch("/api/v1/users/" + second.id(), admin, Map.of("roles", List.of("CUSTOMER"))).expect(200);
    }

    @Test
    void anAdminReadsOneAccountAndUnknownOnesAreNotFound() {
        Api.Account account = api.newAccount("looked-up");

        assertThat(api.get("/api/v1/users/" + account.id(), admin).expect(200).text("email"))
                .isEqualTo(account.email());
        api.get("/api/v1/users/" + UUID.randomUUID(), admin).expectProblem(404, "not-found");
        api.patch("/api/v1/users/" + UUID.randomUUID(), admin, Map.of("status", "ACTIVE"))
                .expectProblem(404, "not-found");
        api.patch("/api/v1/users/" + account.id(), admin, Map.of("status", "ERASED"))
                .expectProblem(400, "invalid-parameter");
    }

    private String emailOf(String id) {
        return jdbc.sql("select email from users where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }
}
