package io.tienda.user.account;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.support.Api;
import io.tienda.user.support.UserEvents;
import io.tienda.user.support.UserApiIT;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GDPR: the data export and erasure. */
@UserServiceTest
class PrivacyIT extends UserApiIT {

    @Autowired
    Privacy privacy;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theExportHoldsEverythingKnownAboutTheCallerAsAnAttachment() {
        Api.Account account = api.newAccount("exporter");
        String access = account.tokens().access();
        api.patch("/api/v1/users/me", access, Map.of("phone", "+34600111222", "marketingConsent", true)).expect(200);
        api.post("/api/v1/users/me/addresses", access, AddressBookIT.address("SHIPPING", "Home", null)).expect(201);
        api.loginReply(account.email(), "Wrong#Password1").expect(401);

        ApiReply export = api.get("/api/v1/users/me/export", access).expect(200);

        assertThat(export.headers().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"tienda-account-" + account.id() + ".json\"");
        JsonNode body = export.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("exportedAt", "profile", "addresses", "consents",
                "sessions", "loginAudit");
        assertThat(body.get("profile").get("email").asString()).isEqualTo(account.email());
        assertThat(body.get("profile").get("phone").asString()).isEqualTo("+34600111222");
        assertThat(body.get("addresses").get(0).get("line1").asString()).isEqualTo("Calle Mayor 1");
        assertThat(body.get("consents").get(0).get("purpose").asString()).isEqualTo("MARKETING");
        assertThat(body.get("consents").get(0).get("granted").asBoolean()).isTrue();
        assertThat(body.get("sessions").get(0).get("ip").asString()).isEqualTo(api.ip());
        assertThat(body.get("sessions").get(0).get("userAgent").asString()).isEqualTo("TiendaTest/1.0");
        assertThat(body.get("loginAudit").valueStream().map(e -> e.get("outcome").asString()))
                .containsExactly("SUCCESS", "INVALID_CREDENTIALS");
        assertThat(export.body()).doesNotContain("argon2").doesNotContain("token_hash")
                .doesNotContain(account.tokens().refresh());
    }

    @Test
    void erasureAnonymisesTheAccountEndsItsSessionsAndTellsTheOtherServices() {
        Api.Account account = api.newAccount("leaver");
        String access = account.tokens().access();
        api.patch("/api/v1/users/me", access, Map.of("phone", "+34600111222", "marketingConsent", true)).expect(200);
        api.post("/api/v1/users/me/addresses", access, AddressBookIT.address("SHIPPING", "Home", null)).expect(201);

        api.delete("/api/v1/users/me", access).expect(204);

        Map<String, Object> row = jdbc.sql("""
                        select email, display_name, phone, status, erased_at, marketing_consent, password_hash
                          from users where id = :id""").param("id", account.id()).query().singleRow();
        assertThat(row.get("email")).isEqualTo("erased-" + account.id() + "@invalid");
        assertThat(row.get("display_name")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("marketing_consent")).isEqualTo(false);
        assertThat((String) row.get("password_hash")).doesNotStartWith("$argon2");
        for (String table : new String[] {"addresses", "consent_events", "refresh_token_families", "one_time_tokens"}) {
            assertThat(jdbc.sql("select count(*) from " + table + " where user_id = :id").param("id", account.id())
                    .query(Integer.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from login_audit where user_id = :id and (ip is not null or "
                + "user_agent is not null or email_hash is not null)").param("id", account.id())
                .query(Integer.class).single()).isZero();

        UserEvents.Published erased = events.await("user.erased", account.id().toString());
        assertThat(erased.text("userId")).isEqualTo(account.id().toString());
        assertThat(erased.json().propertyNames()).containsExactlyInAnyOrder("userId", "erasedAt");

        api.refreshReply(account.tokens().refresh()).expectProblem(401, "invalid-refresh-token");
        api.loginReply(account.email(), account.password()).expectProblem(401, "invalid-credentials");
        api.get("/api/v1/users/me", access).expectProblem(404, "not-found");
        api.delete("/api/v1/users/me", access).expectProblem(404, "not-found");
        // The address is free again.
        api.register(account.email(), Api.PASSWORD);
    }

    @Test
    void erasureStripsEveryAttemptOnTheAccountWhateverSpellingItWasMadeIn() {
        Api.Account account = api.newAccount("lim");
        String dotted = account.email().replace("lim", "l\u0130m");
        // Two failures in another spelling, then an attempt the throttle refuses: no account id on that row.
        api.loginReply(dotted, "Wrong#Password1").expect(401);
        api.loginReply(dotted, "Wrong#Password1").expect(401);
        api.loginReply(dotted, Api.PASSWORD).expectProblem(429, "login-throttled");
        assertThat(jdbc.sql("select count(*) from login_audit where outcome = 'THROTTLED' and user_id is null "
                + "and email_hash = :h").param("h", Secrets.emailHash(account.email())).query(Integer.class).single())
                .isEqualTo(1);
        // Rows left under a spelling's own hash by earlier versions: one attributed, one throttled.
        String legacy = "legacy-" + account.id();
        jdbc.sql("insert into login_audit (user_id, email_hash, ip, user_agent, outcome, at) values "
                        + "(:u, :h, '192.0.2.77', 'Old/1.0', 'INVALID_CREDENTIALS', now()), "
                        + "(null, :h, '192.0.2.77', 'Old/1.0', 'THROTTLED', now())")
                .param("u", account.id()).param("h", legacy).update();
        assertThat(api.get("/api/v1/users/me/export", account.tokens().access()).expect(200).json().get("loginAudit")
                .valueStream().map(e -> e.get("outcome").asString()))
                .containsExactlyInAnyOrder("SUCCESS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "THROTTLED",
                        "INVALID_CREDENTIALS", "THROTTLED");

        api.delete("/api/v1/users/me", account.tokens().access()).expect(204);

        assertThat(jdbc.sql("""
                        select count(*) from login_audit where email_hash in (:h, :legacy) or ip = '192.0.2.77'""")
                .param("h", Secrets.emailHash(account.email())).param("legacy", legacy)
                .query(Integer.class).single()).isZero();
    }

    /**
     * An access token outlives the erasure by up to its lifetime. Had the address book still found the
     * account, it would store new addresses against it that no later erasure could reach.
     */
    @Test
    void anErasedAccountHasNoAddressBookForTheTokensItLeftBehind() {
        Api.Account account = api.newAccount("erased-book");
        String access = account.tokens().access();
        String home = api.post("/api/v1/users/me/addresses", access, AddressBookIT.address("SHIPPING", "Home", null))
                .expect(201).text("id");

        api.delete("/api/v1/users/me", access).expect(204);

        api.post("/api/v1/users/me/addresses", access, AddressBookIT.address("SHIPPING", "After", null))
                .expectProblem(404, "not-found");
        api.get("/api/v1/users/me/addresses", access).expectProblem(404, "not-found");
        api.put("/api/v1/users/me/addresses/" + home, access, AddressBookIT.address("BILLING", "After", true))
                .expectProblem(404, "not-found");
        api.delete("/api/v1/users/me/addresses/" + home, access).expectProblem(404, "not-found");
        assertThat(addressesOf(account.id())).isZero();
    }

    /** An address added while the erasure holds the account waits for it, then finds the account gone. */
    @Test
    void anAddressWaitingBehindTheErasureIsRefused() throws Exception {
        Api.Account account = api.newAccount("erased-race");
        String access = account.tokens().access();

        CompletableFuture<ApiReply> adding = new TransactionTemplate(transactions).execute(tx -> {
            // The erasure joins this transaction, so it keeps the account locked until the end of it.
            privacy.erase(account.id());
            CompletableFuture<ApiReply> post = CompletableFuture.supplyAsync(() -> api.post(
                    "/api/v1/users/me/addresses", access, AddressBookIT.address("SHIPPING", "Late", null)));
            await().atMost(Duration.ofSeconds(20)).until(() -> post.isDone() || waitingForTheAccount() > 0);
            assertThat(post).as("the address waits for the erasure").isNotDone();
            return post;
        });

        adding.get(20, TimeUnit.SECONDS).expectProblem(404, "not-found");
        assertThat(addressesOf(account.id())).isZero();
    }

    private int addressesOf(UUID userId) {
        return jdbc.sql("select count(*) from addresses where user_id = :id").param("id", userId)
                .query(Integer.class).single();
    }

    /** Transactions of this database waiting for the lock on an account row. */
    private int waitingForTheAccount() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                          and query like '%from users where id%for update%'
                        """).query(Integer.class).single();
    }

    @Test
    void anErasedAccountCannotBeRevivedByAnAdmin() {
        Api.Account account = api.newAccount("gone");
        api.delete("/api/v1/users/me", account.tokens().access()).expect(204);
        String admin = api.admin().access();

        api.patch("/api/v1/users/" + account.id(), admin, Map.of("status", "ACTIVE")).expectProblem(409, "conflict");
        assertThat(api.get("/api/v1/users/" + account.id(), admin).expect(200).text("status")).isEqualTo("ERASED");
    }
}
