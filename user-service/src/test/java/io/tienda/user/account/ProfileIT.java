package io.tienda.user.account;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.user.support.Api;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller's profile: reading it and changing it field by field. */
@UserServiceTest
class ProfileIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theProfileShowsEveryFieldButTheCredentials() {
        Api.Account account = api.newAccount("Profile");

        ApiReply me = api.get("/api/v1/users/me", account.tokens().access()).expect(200);

        assertThat(me.json().propertyNames()).containsExactlyInAnyOrder("id", "email", "name", "phone", "language",
                "currency", "marketingConsent", "marketingConsentAt", "roles", "status", "emailVerified", "createdAt");
        assertThat(me.text("id")).isEqualTo(account.id().toString());
        assertThat(me.text("name")).isEqualTo("Test Shopper");
        assertThat(me.text("currency")).isEqualTo("EUR");
        assertThat(me.json().get("marketingConsent").asBoolean()).isFalse();
        assertThat(me.body()).doesNotContain("argon2").doesNotContain(account.password());
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNamesAndNullClears() {
        Api.Account account = api.newAccount("patch");
        String access = account.tokens().access();

        ApiReply changed = api.patch("/api/v1/users/me", access, Map.of("name", "Ana García", "phone", "+34600111222",
                "language", "en", "currency", "USD")).expect(200);
        assertThat(changed.text("name")).isEqualTo("Ana García");
        assertThat(changed.text("phone")).isEqualTo("+34600111222");
        assertThat(changed.text("language")).isEqualTo("en");
        assertThat(changed.text("currency")).isEqualTo("USD");

        Map<String, Object> clear = new HashMap<>();
        clear.put("phone", null);
        ApiReply cleared = api.patch("/api/v1/users/me", access, clear).expect(200);
        assertThat(cleared.json().get("phone").isNull()).isTrue();
        assertThat(cleared.text("name")).isEqualTo("Ana García");
        assertThat(cleared.text("language")).isEqualTo("en");
    }

    @Test
    void marketingConsentIsRecordedWithItsTime() {
        Api.Account account = api.newAccount("consent");
        String access = account.tokens().access();

        ApiReply granted = api.patch("/api/v1/users/me", access, Map.of("marketingConsent", true)).expect(200);
        Instant at = Instant.parse(granted.text("marketingConsentAt"));
        assertThat(granted.json().get("marketingConsent").asBoolean()).isTrue();
        // Sending the same value again is no new consent.
        api.patch("/api/v1/users/me", access, Map.of("marketingConsent", true)).expect(200);
        ApiReply withdrawn = api.patch("/api/v1/users/me", access, Map.of("marketingConsent", false)).expect(200);

        assertThat(Instant.parse(withdrawn.text("marketingConsentAt"))).isAfterOrEqualTo(at);
        assertThat(jdbc.sql("select granted from consent_events where user_id = :u order by id")
                .param("u", account.id()).query(Boolean.class).list()).containsExactly(true, false);
    }

    @Test
    void invalidValuesAreListedFieldByField() {
        String access = api.newAccount("invalid").tokens().access();
        Map<String, Object> bad = new HashMap<>();
        bad.put("phone", "600 111 222");
        bad.put("language", "fr");
        bad.put("currency", "EURO");
        bad.put("marketingConsent", "yes");
        bad.put("email", "new@example.com");
        bad.put("name", "");

        ApiReply refused = api.patch("/api/v1/users/me", access, bad).expectProblem(400, "validation");

        List<String> fields = refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("phone", "language", "currency", "marketingConsent", "email",
                "name");
        api.patch("/api/v1/users/me", access, "[1]").expectProblem(400, "invalid-body");
        Map<String, Object> clearLanguage = new HashMap<>();
        clearLanguage.put("language", null);
        api.patch("/api/v1/users/me", access, clearLanguage).expectProblem(400, "validation");
    }

    @Test
    void aNameWithControlCharactersOrLineBreaksIsRefusedAndChangesNothing() {
        Api.Account account = api.newAccount("lines");
        String access = account.tokens().access();

        for (String name : new String[] {"Eve\nYour account is locked: http://evil.example", "Eve\u0000", "Eve\r\n",
                "Eve\u2029", "\u001B[31mEve"}) {
            ApiReply refused = api.patch("/api/v1/users/me", access, Map.of("name", name, "language", "en"))
                    .expectProblem(400, "validation");
            assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                    .containsOnly("name");
        }

        ApiReply me = api.get("/api/v1/users/me", access).expect(200);
        assertThat(me.text("name")).isEqualTo("Test Shopper");
        assertThat(me.text("language")).isEqualTo("es");
        assertThat(jdbc.sql("select display_name from users where id = :id").param("id", account.id())
                .query(String.class).single()).isEqualTo("Test Shopper");
    }

    @Test
    void theTableRefusesANameWithALineBreak() {
        Api.Account account = api.newAccount("table");

        assertThatThrownBy(() -> jdbc.sql("update users set display_name = :n where id = :id")
                .param("n", "Eve\nLine").param("id", account.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aTokenForNoAccountFindsNoProfile() {
        api.get("/api/v1/users/me", null).expectProblem(401, "unauthorized");
        api.patch("/api/v1/users/me", null, Map.of("name", "x")).expectProblem(401, "unauthorized");
    }
}
