package io.tienda.user.account;

import io.tienda.user.support.Api;
import io.tienda.user.support.UserEvents;
import io.tienda.user.support.UserApiIT;
import io.tienda.user.support.UserServiceTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code user.contact_changed}: how notification-service learns where and how to reach accounts that
 * never signed up, and a new name or language of those that did.
 */
@UserServiceTest
class ContactChangesIT extends UserApiIT {

    @Test
    void aChangeOfNameOrLanguageIsPublished() {
        Api.Account account = api.newAccount("contact");
        String access = account.tokens().access();

        api.patch("/api/v1/users/me", access, Map.of("name", "Lucía Pérez", "language", "en")).expect(200);

        UserEvents.Published changed = events.await("user.contact_changed", account.id().toString());
        assertThat(changed.text("userId")).isEqualTo(account.id().toString());
        assertThat(changed.text("email")).isEqualTo(account.email());
        assertThat(changed.text("name")).isEqualTo("Lucía Pérez");
        assertThat(changed.text("language")).isEqualTo("en");
    }

    @Test
    void aChangeOfAnythingElseIsNot() {
        Api.Account account = api.newAccount("phone-only");
        String access = account.tokens().access();

        api.patch("/api/v1/users/me", access, Map.of("phone", "+34600111333", "currency", "USD",
                "marketingConsent", true)).expect(200);
        // A contact change published later for another account proves the relay ran meanwhile.
        Api.Account other = api.newAccount("witness");
        api.patch("/api/v1/users/me", other.tokens().access(), Map.of("language", "en")).expect(200);
        events.await("user.contact_changed", other.id().toString());

        assertThat(events.all("user.contact_changed", account.id().toString())).isEmpty();
    }

    /**
     * Read without the contract check: the schema's e-mail format takes only public top-level domains,
     * and these accounts live under the reserved {@code .test} and {@code .local}.
     */
    @Test
    void initialAccountsAnnounceHowToReachThem() {
        for (String email : new String[] {UserServiceTest.BOOTSTRAP_ADMIN, "support@tienda.local"}) {
            UUID id = jdbc.sql("select id from users where lower(email) = lower(:email)").param("email", email)
                    .query(UUID.class).single();

            List<UserEvents.Published> announced = events.all("user.contact_changed", id.toString());

            assertThat(announced).isNotEmpty();
            assertThat(announced.get(0).aggregateId()).isEqualTo(id.toString());
            assertThat(announced.get(0).text("userId")).isEqualTo(id.toString());
            assertThat(announced.get(0).text("email")).isEqualToIgnoringCase(email);
            assertThat(announced.get(0).text("language")).isEqualTo("es");
            assertThat(announced.get(0).json().get("name").isNull()).isFalse();
        }
    }
}
