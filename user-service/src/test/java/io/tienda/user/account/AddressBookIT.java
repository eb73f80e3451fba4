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

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address book: one default per type, ownership, validation. */
@UserServiceTest
class AddressBookIT {

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
    void theFirstAddressOfATypeIsItsDefaultAndANewDefaultTakesOver() {
        String access = api.newAccount("book").tokens().access();

        ApiReply home = api.post("/api/v1/users/me/addresses", access, address("SHIPPING", "Home", null)).expect(201);
        assertThat(home.json().get("isDefault").asBoolean()).isTrue();
        assertThat(home.headers().getLocation()).hasToString("/api/v1/users/me/addresses/" + home.text("id"));
        ApiReply office = api.post("/api/v1/users/me/addresses", access, address("SHIPPING", "Office", false))
                .expect(201);
        assertThat(office.json().get("isDefault").asBoolean()).isFalse();
        ApiReply billing = api.post("/api/v1/users/me/addresses", access, address("BILLING", "Invoices", false))
                .expect(201);
        assertThat(billing.json().get("isDefault").asBoolean()).isTrue();

        api.put("/api/v1/users/me/addresses/" + office.text("id"), access, address("SHIPPING", "Office", true))
                .expect(200);

        ApiReply list = api.get("/api/v1/users/me/addresses", access).expect(200);
        Map<String, Boolean> defaults = new HashMap<>();
        list.json().valueStream().forEach(a -> defaults.put(a.get("name").asString(), a.get("isDefault").asBoolean()));
        assertThat(defaults).containsExactlyInAnyOrderEntriesOf(Map.of("Home", false, "Office", true,
                "Invoices", true));
    }

    @Test
    void theDatabaseRefusesASecondDefaultOfAType() {
        Api.Account account = api.newAccount("index");
        api.post("/api/v1/users/me/addresses", account.tokens().access(), address("SHIPPING", "Home", true))
                .expect(201);

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into addresses (id, user_id, type, name, line1, city, postal_code, country, is_default,
                                               created_at, updated_at)
                        values (:id, :user, 'SHIPPING', 'Second', 'Calle 2', 'Madrid', '28001', 'ES', true,
                                :at, :at)""")
                .param("id", UUID.randomUUID()).param("user", account.id()).param("at", OffsetDateTime.now())
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anAddressIsReplacedAndDeletedOnlyByItsOwner() {
        String owner = api.newAccount("owner").tokens().access();
        String stranger = api.newAccount("stranger").tokens().access();
        String id = api.post("/api/v1/users/me/addresses", owner, address("SHIPPING", "Home", null)).expect(201)
                .text("id");

        api.put("/api/v1/users/me/addresses/" + id, stranger, address("SHIPPING", "Mine now", null))
                .expectProblem(404, "not-found");
        api.delete("/api/v1/users/me/addresses/" + id, stranger).expectProblem(404, "not-found");
        assertThat(api.get("/api/v1/users/me/addresses", stranger).json().size()).isZero();

        ApiReply replaced = api.put("/api/v1/users/me/addresses/" + id, owner, address("SHIPPING", "Casa", null))
                .expect(200);
        assertThat(replaced.text("name")).isEqualTo("Casa");
        api.delete("/api/v1/users/me/addresses/" + id, owner).expect(204);
        api.delete("/api/v1/users/me/addresses/" + id, owner).expectProblem(404, "not-found");
    }

    @Test
    void invalidAddressesAreRefusedFieldByField() {
        String access = api.newAccount("invalid-address").tokens().access();
        Map<String, Object> bad = address("SHIPPING", "Home", null);
        bad.put("country", "Spain");
        bad.put("phone", "600111222");
        bad.remove("line1");

        ApiReply refused = api.post("/api/v1/users/me/addresses", access, bad).expectProblem(400, "validation");

        List<String> fields = refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("country", "phone", "line1");
        Map<String, Object> unknownCountry = address("SHIPPING", "Home", null);
        unknownCountry.put("country", "XX");
        api.post("/api/v1/users/me/addresses", access, unknownCountry).expectProblem(400, "invalid-parameter");
        Map<String, Object> badType = address("HOLIDAY", "Home", null);
        api.post("/api/v1/users/me/addresses", access, badType).expectProblem(400, "invalid-field-type");
    }

    @Test
    void addressLinesWithControlCharactersOrLineBreaksAreRefusedAndNothingIsStored() {
        String access = api.newAccount("address-lines").tokens().access();
        for (String field : new String[] {"name", "line1", "line2", "city", "region", "postalCode"}) {
            Map<String, Object> bad = address("SHIPPING", "Home", null);
            bad.put(field, "Calle\r\nYour account is locked: http://evil.example");

            ApiReply refused = api.post("/api/v1/users/me/addresses", access, bad).expectProblem(400, "validation");

            assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                    .as(field).containsOnly(field);
        }
        Map<String, Object> nul = address("SHIPPING", "Home\u0000", null);
        api.post("/api/v1/users/me/addresses", access, nul).expectProblem(400, "validation");
        assertThat(api.get("/api/v1/users/me/addresses", access).expect(200).json().size()).isZero();

        String id = api.post("/api/v1/users/me/addresses", access, address("SHIPPING", "Home", null)).expect(201)
                .text("id");
        api.put("/api/v1/users/me/addresses/" + id, access, address("SHIPPING", "Home\u2028Away", null))
                .expectProblem(400, "validation");
        assertThat(api.get("/api/v1/users/me/addresses", access).json().get(0).get("name").asString())
                .isEqualTo("Home");
    }

    /**
     * Checkout ships to an address from the book only if it meets the rules of a shipping address
     * (order-service's ShippingAddress); one the book saved but checkout refused would fail there,
     * naming fields the shopper never sent.
     */
    @Test
    void onlyAddressesCheckoutCanShipToAreSaved() {
        String access = api.newAccount("checkout-rules").tokens().access();
        for (String postcode : new String[] {"28_013", "2", "28", "-28013", "28013-", "28.013", "２８０１３",
                "\u2003"}) {
            Map<String, Object> bad = address("SHIPPING", "Home", null);
            bad.put("postalCode", postcode);

            ApiReply refused = api.post("/api/v1/users/me/addresses", access, bad).expectProblem(400, "validation");

            assertThat(refused.errorFields()).as(postcode).containsOnly("postalCode");
        }
        for (String field : new String[] {"name", "line1", "city"}) {
            Map<String, Object> blank = address("SHIPPING", "Home", null);
            blank.put(field, "\u2003");

            ApiReply refused = api.post("/api/v1/users/me/addresses", access, blank).expectProblem(400, "validation");

            assertThat(refused.errorFields()).as(field).containsExactly(field);
        }
        assertThat(api.get("/api/v1/users/me/addresses", access).expect(200).json().size()).isZero();

        Map<String, Object> spaced = address("SHIPPING", "Home", null);
        spaced.put("postalCode", " sw1a 1aa ");
        ApiReply saved = api.post("/api/v1/users/me/addresses", access, spaced).expect(201);
        assertThat(saved.text("postalCode")).isEqualTo("sw1a 1aa");
        Map<String, Object> replacement = address("SHIPPING", "Home", null);
        replacement.put("postalCode", "28_013");
        api.put("/api/v1/users/me/addresses/" + saved.text("id"), access, replacement)
                .expectProblem(400, "validation");
        assertThat(api.get("/api/v1/users/me/addresses", access).json().get(0).get("postalCode").asString())
                .isEqualTo("sw1a 1aa");
    }

    static Map<String, Object> address(String type, String name, Boolean isDefault) {
        Map<String, Object> address = new HashMap<>();
        address.put("type", type);
        address.put("name", name);
        address.put("line1", "Calle Mayor 1");
        address.put("line2", "3º B");
        address.put("city", "Madrid");
        address.put("region", "Madrid");
        address.put("postalCode", "28013");
        address.put("country", "ES");
        address.put("phone", "+34600111222");
        if (isDefault != null) {
            address.put("isDefault", isDefault);
        }
        return address;
    }
}
