package io.tienda.product.offer;

import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

class OfferListIT extends ProductServiceIT {

    private final Instant now = Instant.now();

    @BeforeEach
    void offers() {
        clear("offers");
        mongo.insert(percent("o-live", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)), true, null), "offers");
        mongo.insert(percent("o-open", now.minus(Duration.ofDays(1)), null, true, "WELCOME10"), "offers");
        mongo.insert(new Document("_id", "o-fixed").append("name", "5 EUR off lamps").append("kind", "FIXED")
                .append("amountOff", new Document("amount", 500L).append("currency", "EUR"))
                .append("appliesTo", new Document("scope", "CATEGORIES").append("ids", List.of("c-lamps")))
                .append("startsAt", Date.from(now.minus(Duration.ofHours(1)))).append("active", true), "offers");
        mongo.insert(percent("o-ended", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1)), true, null), "offers");
        mongo.insert(percent("o-future", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)), true, null), "offers");
        mongo.insert(percent("o-off", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), false, null), "offers");
    }

    @Test
    void listsOnlyOffersLiveNowWithoutAToken() {
        http.get().uri("/api/v1/offers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[*].id").isEqualTo(List.of("o-fixed", "o-open", "o-live"))
                .jsonPath("$.items[0].kind").isEqualTo("FIXED")
                .jsonPath("$.items[0].amountOff.amount").isEqualTo(500)
                .jsonPath("$.items[0].amountOff.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].appliesTo").isEqualTo("CATEGORIES")
                .jsonPath("$.items[0].targetIds[0]").isEqualTo("c-lamps")
                .jsonPath("$.items[2].kind").isEqualTo("PERCENT")
                .jsonPath("$.items[2].percentOff").isEqualTo(15);
    }

    @Test
    void neverRevealsCouponCodes() {
        http.get().uri("/api/v1/offers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[1].id").isEqualTo("o-open")
                .jsonPath("$.items[1].requiresCoupon").isEqualTo(true)
                .jsonPath("$.items[1].couponCode").doesNotExist()
                .jsonPath("$.items[2].requiresCoupon").isEqualTo(false);
        http.get().uri("/api/v1/offers").exchange()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .doesNotContain("WELCOME10"));
    }

    @Test
    void rejectsABadPageSize() {
        http.get().uri("/api/v1/offers?size=1000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation");
    }

    private static Document percent(String id, Instant starts, Instant ends, boolean active, String coupon) {
        Document offer = new Document("_id", id).append("name", "15% off " + id).append("kind", "PERCENT")
                .append("percentOff", 15)
                .append("appliesTo", new Document("scope", "ALL").append("ids", List.of()))
                .append("startsAt", Date.from(starts))
                .append("endsAt", ends == null ? null : Date.from(ends))
                .append("active", active);
        // absent, not null: the unique index on coupon codes is sparse
        return coupon == null ? offer : offer.append("couponCode", coupon);
    }
}
