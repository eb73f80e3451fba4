package io.tienda.product.offer;

import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class OfferAdminIT extends ProductServiceIT {

    private static final String MANAGER = TestTokens.staff("MANAGER");
    private static final String ADMIN = TestTokens.staff("ADMIN");

    private final Instant now = Instant.now();
    private TestCatalog catalog;

    @BeforeEach
    void data() {
        clear("offers");
        catalog = new TestCatalog(mongo);
    }

    private Map<String, Object> percentOffer(String name, String scope, List<String> targets) {
        return Map.of("name", name, "kind", "PERCENT", "percentOff", 15, "appliesTo", scope, "targetIds", targets,
                "startsAt", now.minus(Duration.ofHours(1)).toString(),
                "endsAt", now.plus(Duration.ofDays(7)).toString());
    }

    private static String code() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private RestTestClient.ResponseSpec post(String token, Object body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/offers").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        return request.body(body).exchange();
    }

    private String create(Object body) {
        return post(MANAGER, body).expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id")
                .toString();
    }

    @Test
    void aManagerCreatesAnOfferOnACategoryAndStaffReadItBack() {
        String category = catalog.category(null, "hogar");

        post(MANAGER, percentOffer("Hogar -15%", "CATEGORIES", List.of(category)))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/offers/"))
                .expectBody()
                .jsonPath("$.name").isEqualTo("Hogar -15%")
                .jsonPath("$.kind").isEqualTo("PERCENT")
                .jsonPath("$.percentOff").isEqualTo(15)
                .jsonPath("$.appliesTo").isEqualTo("CATEGORIES")
                .jsonPath("$.targetIds[0]").isEqualTo(category)
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.coupon").isEmpty()
                .jsonPath("$.version").isEqualTo(0);

        String id = mongo.findAll(Document.class, "offers").get(0).getString("_id");
        http.get().uri("/api/v1/offers/" + id).headers(h -> h.setBearerAuth(ADMIN)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.name").isEqualTo("Hogar -15%");
        http.get().uri("/api/v1/offers").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(id).jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void everyBrokenRuleIsAValidationProblemListingItsField() {
        Map<String, Object> body = Map.of("name", "Broken", "kind", "PERCENT", "percentOff", 0, "appliesTo", "ALL",
                "startsAt", now.toString(), "endsAt", now.minus(Duration.ofDays(1)).toString(),
                "coupon", Map.of("code", "no spaces please"));

        expectProblem(post(MANAGER, body), 400, "validation");
        post(MANAGER, body).expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("percentOff", "endsAt", "coupon.code"));
        assertThat(mongo.count(new Query(), "offers")).isZero();
    }

    @Test
    void aFixedOfferTakesAPositiveAmountInEuros() {
        Map<String, Object> zero = Map.of("name", "Zero", "kind", "FIXED", "amountOff",
                Map.of("amount", 0, "currency", "EUR"), "appliesTo", "ALL");
        Map<String, Object> dollars = Map.of("name", "Dollars", "kind", "FIXED", "amountOff",
                Map.of("amount", 500, "currency", "USD"), "appliesTo", "ALL");
        Map<String, Object> percentTooHigh = Map.of("name", "Too much", "kind", "PERCENT", "percentOff", 101,
                "appliesTo", "ALL");

        post(MANAGER, zero).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("amountOff");
        post(MANAGER, dollars).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amountOff.currency");
        post(MANAGER, percentTooHigh).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("percentOff");
        expectProblem(post(MANAGER, Map.of("name", "No kind", "appliesTo", "ALL")), 400, "validation");
        expectProblem(post(MANAGER, Map.of("name", "Bad scope", "kind", "PERCENT", "percentOff", 5,
                "appliesTo", "EVERYWHERE")), 400);
    }

    /** An offer's name is shown on order lines and in mails, one line each. */
    @ParameterizedTest
    @MethodSource("notSingleLine")
    void namesRefuseControlCharactersAndLineBreaks(String bad) {
        post(MANAGER, percentOffer("Verano" + bad + "-15%", "ALL", List.of())).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("name"));
        assertThat(mongo.count(new Query(), "offers")).isZero();
    }

    @Test
    void unknownProductsVariantsAndCategoriesAreUnprocessable() {
        String product = catalog.product(null, 1_000).sku(TestCatalog.sku("KNOWN")).save();

        expectProblem(post(MANAGER, percentOffer("P", "PRODUCTS", List.of(product, "no-such-product"))), 422,
                "unknown-target");
        post(MANAGER, percentOffer("P", "PRODUCTS", List.of(product, "no-such-product"))).expectBody()
                .jsonPath("$.unknownIds").isEqualTo(List.of("no-such-product"));
        expectProblem(post(MANAGER, percentOffer("V", "VARIANTS", List.of("NO-SUCH-SKU"))), 422, "unknown-target");
        expectProblem(post(MANAGER, percentOffer("C", "CATEGORIES", List.of("no-such-category"))), 422,
                "unknown-target");
        post(MANAGER, percentOffer("P", "PRODUCTS", List.of(product))).expectStatus().isCreated();
    }

    @Test
    void aCouponCodeBelongsToOneOfferWhateverItsCase() {
        String code = code();
        Map<String, Object> first = Map.of("name", "First", "kind", "PERCENT", "percentOff", 10, "appliesTo", "ALL",
                "coupon", Map.of("code", code));
        Map<String, Object> second = Map.of("name", "Second", "kind", "PERCENT", "percentOff", 20, "appliesTo", "ALL",
                "coupon", Map.of("code", code.toLowerCase()));

        post(MANAGER, first).expectStatus().isCreated().expectBody().jsonPath("$.coupon.code").isEqualTo(code);
        expectProblem(post(MANAGER, second), 409, "coupon-code-taken");
    }

    @Test
    void onlyManagersAndAdminsManageOffers() {
        Map<String, Object> body = percentOffer("Roles", "ALL", List.of());

        expectProblem(post(null, body), 401, "unauthorized");
        expectProblem(post(TestTokens.customer(TestTokens.newCustomer()), body), 403, "forbidden");
        expectProblem(post(TestTokens.staff("SUPPORT"), body), 403, "forbidden");
        expectProblem(post(TestTokens.staff("ANALYST"), body), 403, "forbidden");
        String id = create(body);
        post(ADMIN, body).expectStatus().isCreated();

        expectProblem(http.get().uri("/api/v1/offers/" + id).exchange(), 401, "unauthorized");
        expectProblem(http.get().uri("/api/v1/offers/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.customer(TestTokens.newCustomer()))).exchange(), 403,
                "forbidden");
        expectProblem(http.get().uri("/api/v1/offers/all").exchange(), 401, "unauthorized");
        expectProblem(http.put().uri("/api/v1/offers/" + id).contentType(MediaType.APPLICATION_JSON).body(body)
                .headers(h -> h.setBearerAuth(TestTokens.staff("SUPPORT"))).exchange(), 403, "forbidden");
        expectProblem(http.delete().uri("/api/v1/offers/" + id).exchange(), 401, "unauthorized");
        http.get().uri("/api/v1/offers/all").headers(h -> h.setBearerAuth(MANAGER)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void replacingAnOfferKeepsItsCouponUses() {
        String code = code();
        String id = create(Map.of("name", "Before", "kind", "PERCENT", "percentOff", 10, "appliesTo", "ALL",
                "coupon", Map.of("code", code, "usageLimit", 5)));
        redeem(code, "order-" + UUID.randomUUID());

        http.put().uri("/api/v1/offers/" + id).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "After", "kind", "FIXED", "amountOff", Map.of("amount", 300, "currency", "EUR"),
                        "appliesTo", "ALL", "coupon", Map.of("code", code, "usageLimit", 8)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("After")
                .jsonPath("$.kind").isEqualTo("FIXED")
                .jsonPath("$.percentOff").isEmpty()
                .jsonPath("$.amountOff.amount").isEqualTo(300)
                .jsonPath("$.coupon.used").isEqualTo(1)
                .jsonPath("$.coupon.usageLimit").isEqualTo(8)
                .jsonPath("$.version").isEqualTo(1);
        assertThat(mongo.findById(id, Document.class, "offers").getList("redemptions", Object.class))
                .hasSize(1);
    }

    @Test
    void aUsedCouponKeepsItsCode() {
        String code = code();
        String id = create(Map.of("name", "Used", "kind", "PERCENT", "percentOff", 10, "appliesTo", "ALL",
                "coupon", Map.of("code", code)));
        redeem(code, "order-" + UUID.randomUUID());

        expectProblem(http.put().uri("/api/v1/offers/" + id).headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Renamed", "kind", "PERCENT", "percentOff", 10, "appliesTo", "ALL",
                        "coupon", Map.of("code", code())))
                .exchange(), 409, "coupon-in-use");
        expectProblem(http.put().uri("/api/v1/offers/no-such-offer").headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON).body(percentOffer("x", "ALL", List.of())).exchange(), 404,
                "not-found");
    }

    @Test
    void deletingWithdrawsTheOfferButKeepsIt() {
        String id = create(percentOffer("Withdrawn", "ALL", List.of()));

        http.delete().uri("/api/v1/offers/" + id).headers(h -> h.setBearerAuth(MANAGER)).exchange()
                .expectStatus().isNoContent();
        http.delete().uri("/api/v1/offers/" + id).headers(h -> h.setBearerAuth(MANAGER)).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/v1/offers").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri("/api/v1/offers/" + id).headers(h -> h.setBearerAuth(MANAGER)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        expectProblem(http.delete().uri("/api/v1/offers/no-such-offer").headers(h -> h.setBearerAuth(MANAGER))
                .exchange(), 404, "not-found");
    }

    @Test
    void onlyFeaturedCouponOffersShowTheirCodePublicly() {
        String hidden = code();
        String featured = code();
        create(Map.of("name", "Secret", "kind", "PERCENT", "percentOff", 10, "appliesTo", "ALL",
                "startsAt", now.minusSeconds(60).toString(), "coupon", Map.of("code", hidden)));
        create(Map.of("name", "Banner", "kind", "PERCENT", "percentOff", 20, "appliesTo", "ALL", "featured", true,
                "startsAt", now.minusSeconds(30).toString(),
                "coupon", Map.of("code", featured, "minimumOrder", Map.of("amount", 5_000, "currency", "EUR"))));

        http.get().uri("/api/v1/offers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].name").isEqualTo("Banner")
                .jsonPath("$.items[0].couponCode").isEqualTo(featured)
                .jsonPath("$.items[0].minimumOrder.amount").isEqualTo(5_000)
                .jsonPath("$.items[1].name").isEqualTo("Secret")
                .jsonPath("$.items[1].requiresCoupon").isEqualTo(true)
                .jsonPath("$.items[1].couponCode").doesNotExist();
        http.get().uri("/api/v1/offers").exchange().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(hidden).doesNotContain("redemptions"));
    }

    private void redeem(String code, String orderId) {
        http.post().uri("/api/v1/offers/coupons/" + code + "/redemptions").headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderId", orderId, "orderTotal", Map.of("amount", 10_000, "currency", "EUR")))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void theOfferAndCouponEndpointsAreDocumented() {
        expectDocumented(http, "/api/v1/offers", "/api/v1/offers/all", "/api/v1/offers/{id}");
        http.get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath("$.paths['/api/v1/offers'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/offers/{id}'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/offers/{id}'].delete.summary").exists()
                .jsonPath("$.paths['/api/v1/offers/coupons/{code}/redemptions'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/offers/coupons/{code}/redemptions/{orderId}'].delete.summary").exists();
    }
}
