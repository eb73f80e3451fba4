package io.tienda.product.offer;

import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Coupon uses recorded by staff: counted atomically, once per order, given back on cancellation; never by customers. */
class CouponRedemptionIT extends ProductServiceIT {

    private static final String STAFF = TestTokens.staff("ADMIN");

    private final Instant now = Instant.now();

    /** A live 10 % coupon offer; {@code extra} overrides or adds fields. Returns its code. */
    private String coupon(Document extra) {
        String code = "RD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Document offer = new Document("_id", "o-" + UUID.randomUUID()).append("name", "coupon " + code)
                .append("kind", "PERCENT").append("percentOff", 10)
                .append("appliesTo", new Document("scope", "ALL").append("ids", List.of()))
                .append("couponCode", code).append("used", 0)
                .append("startsAt", Date.from(now.minus(Duration.ofDays(1))))
                .append("active", true).append("version", 0L);
        offer.putAll(extra);
        mongo.insert(offer, "offers");
        return code;
    }

    private Document stored(String code) {
        return mongo.findOne(new BasicQuery(new Document("couponCode", code)), Document.class, "offers");
    }

    private static Map<String, Object> order(String orderId, long total) {
        return Map.of("orderId", orderId, "orderTotal", Map.of("amount", total, "currency", "EUR"));
    }

    private RestTestClient.ResponseSpec redeem(String code, String token, Object body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/offers/coupons/" + code + "/redemptions")
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        return request.body(body).exchange();
    }

    private RestTestClient.ResponseSpec release(String code, String orderId, String token) {
        RestTestClient.RequestHeadersSpec<?> request = http.delete()
                .uri("/api/v1/offers/coupons/" + code + "/redemptions/" + orderId);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        return request.exchange();
    }

    private static String orderId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void fiftyCheckoutsRacingForTenUsesGetExactlyTenAndRepeatsNeverCountTwice() throws Exception {
        String code = coupon(new Document("usageLimit", 10));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(orderId());
        }

        List<Integer> first = race(code, orders);

        assertThat(first.stream().filter(status -> status == 201)).hasSize(10);
        assertThat(first.stream().filter(status -> status == 409)).hasSize(40);
        Document offer = stored(code);
        assertThat(offer.getInteger("used")).isEqualTo(10);
        assertThat(offer.getList("redemptions", Document.class)).hasSize(10);

        List<String> winners = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (first.get(i) == 201) {
                winners.add(orders.get(i));
            }
        }
        List<String> replays = new ArrayList<>(winners);
        replays.addAll(winners);
        List<Integer> again = race(code, replays);

        assertThat(again).containsOnly(200);
        assertThat(stored(code).getInteger("used")).isEqualTo(10);
        expectProblem(redeem(code, STAFF, order(orderId(), 10_000)), 409, "coupon-exhausted");
    }

    @Test
    void theSameOrderRedeemingTenTimesAtOnceUsesTheCouponOnce() throws Exception {
        String code = coupon(new Document("usageLimit", 5));
        String orderId = orderId();

        List<Integer> statuses = race(code, Collections.nCopies(10, orderId));

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(9);
        assertThat(stored(code).getInteger("used")).isEqualTo(1);
        assertThat(stored(code).getList("redemptions", Document.class)).hasSize(1);
    }

    /** Every order redeems at the same moment; the statuses come back in the orders' order. */
    private List<Integer> race(String code, List<String> orders) throws Exception {
        return AllAtOnce.run(orders.size(), i -> redeem(code, STAFF, order(orders.get(i), 10_000))
                .returnResult(String.class).getStatus().value());
    }

    private static Map<String, Object> order(String orderId, String customerId, long total) {
        return Map.of("orderId", orderId, "customerId", customerId,
                "orderTotal", Map.of("amount", total, "currency", "EUR"));
    }

    @Test
    void aRepeatedRedemptionAnswersTheFirstUseAgain() {
        String code = coupon(new Document());
        String orderId = orderId();
        String customer = TestTokens.newCustomer();

        redeem(code.toLowerCase(), STAFF, order(orderId, customer, 7_500))
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/offers/coupons/" + code + "/redemptions/" + orderId)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.orderId").isEqualTo(orderId)
                .jsonPath("$.customerId").isEqualTo(customer)
                .jsonPath("$.orderTotal.amount").isEqualTo(7_500);
        redeem(code, STAFF, order(orderId, customer, 9_999))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.orderTotal.amount").isEqualTo(7_500);

        assertThat(stored(code).getInteger("used")).isEqualTo(1);
    }

    @Test
    void aCancelledOrderGivesItsUseBackOnce() {
        String code = coupon(new Document("usageLimit", 1));
        String cancelled = orderId();
        redeem(code, STAFF, order(cancelled, 5_000)).expectStatus().isCreated();
        expectProblem(redeem(code, STAFF, order(orderId(), 5_000)), 409, "coupon-exhausted");

        release(code, cancelled, STAFF).expectStatus().isNoContent();
        release(code, cancelled, STAFF).expectStatus().isNoContent();
        release(code, orderId(), STAFF).expectStatus().isNoContent();

        assertThat(stored(code).getInteger("used")).isZero();
        assertThat(stored(code).getList("redemptions", Document.class)).isEmpty();
        redeem(code, STAFF, order(orderId(), 5_000)).expectStatus().isCreated();
        assertThat(stored(code).getInteger("used")).isEqualTo(1);
    }

    /**
     * A shopper's use is recorded by their order (the checkout saga); a call of their own could give back
     * the use of a confirmed order and spend the coupon again, or burn its uses with invented orders.
     */
    @Test
    void customersNeitherRecordNorGiveBackUses() {
        String code = coupon(new Document("usageLimit", 1).append("perCustomerLimit", 1));
        String ana = TestTokens.newCustomer();
        String anasToken = TestTokens.customer(ana);
        String confirmed = orderId();
        redeem(code, STAFF, order(confirmed, ana, 5_000)).expectStatus().isCreated();
        Document before = stored(code);

        expectProblem(release(code, confirmed, anasToken), 403, "forbidden");
        expectProblem(redeem(code, anasToken, order(orderId(), 5_000)), 403, "forbidden");
        expectProblem(redeem(code, anasToken, order(orderId(), ana, 5_000)), 403, "forbidden");
        String fresh = coupon(new Document("usageLimit", 1));
        expectProblem(redeem(fresh, TestTokens.customer(TestTokens.newCustomer()), order(orderId(), 1)), 403,
                "forbidden");

        Document after = stored(code);
        assertThat(after.getInteger("used")).isEqualTo(1);
        assertThat(after.getList("redemptions", Document.class)).isEqualTo(before.getList("redemptions",
                Document.class));
        assertThat(after.getList("redemptions", Document.class)).singleElement()
                .satisfies(use -> assertThat(use.getString("orderId")).isEqualTo(confirmed));
        assertThat(stored(fresh).getInteger("used")).isZero();
        assertThat(stored(fresh).get("redemptions")).isNull();
        expectProblem(redeem(code, STAFF, order(orderId(), TestTokens.newCustomer(), 5_000)), 409, "coupon-exhausted");
    }

    @Test
    void staffRedeemForACustomerAndGiveAnyUseBack() {
        String code = coupon(new Document());
        String customer = TestTokens.newCustomer();
        String orderId = orderId();

        redeem(code, TestTokens.staff("SUPPORT"), order(orderId, customer, 5_000))
                .expectStatus().isCreated().expectBody().jsonPath("$.customerId").isEqualTo(customer);
        release(code, orderId, TestTokens.staff("MANAGER")).expectStatus().isNoContent();
        assertThat(stored(code).getInteger("used")).isZero();
    }

    @Test
    void aCustomerUsesACouponAsOftenAsItAllowsThem() {
        String code = coupon(new Document("perCustomerLimit", 2));
        String ana = TestTokens.newCustomer();

        redeem(code, STAFF, order(orderId(), ana, 5_000)).expectStatus().isCreated();
        redeem(code, STAFF, order(orderId(), ana, 5_000)).expectStatus().isCreated();
        expectProblem(redeem(code, STAFF, order(orderId(), ana, 5_000)), 409, "coupon-exhausted");
        redeem(code, STAFF, order(orderId(), TestTokens.newCustomer(), 5_000)).expectStatus().isCreated();
        assertThat(stored(code).getInteger("used")).isEqualTo(3);
    }

    @Test
    void theCouponMustBeLiveKnownAndTheOrderBigEnough() {
        String ended = coupon(new Document("endsAt", Date.from(now.minusSeconds(1))));
        String withdrawn = coupon(new Document("active", false));
        String minimum = coupon(new Document("minimumOrder", new Document("amount", 5_000L).append("currency", "EUR")));

        expectProblem(redeem(ended, STAFF, order(orderId(), 5_000)), 409, "coupon-expired");
        expectProblem(redeem(withdrawn, STAFF, order(orderId(), 5_000)), 409, "coupon-expired");
        expectProblem(redeem(minimum, STAFF, order(orderId(), 4_999)), 422, "coupon-minimum-not-met");
        redeem(minimum, STAFF, order(orderId(), 5_000)).expectStatus().isCreated();
        expectProblem(redeem("NO-SUCH-COUPON", STAFF, order(orderId(), 5_000)), 404, "not-found");
        expectProblem(release("NO-SUCH-COUPON", orderId(), STAFF), 404, "not-found");
    }

    @Test
    void badRequestsChangeNothing() {
        String code = coupon(new Document());

        expectProblem(redeem(code, null, order(orderId(), 5_000)), 401, "unauthorized");
        expectProblem(redeem(code, TestTokens.staff("ANALYST"), order(orderId(), 5_000)), 403, "forbidden");
        expectProblem(redeem(code, STAFF, Map.of("orderTotal", Map.of("amount", 1, "currency", "EUR"))), 400,
                "validation");
        expectProblem(redeem(code, STAFF, Map.of("orderId", "bad id with spaces",
                "orderTotal", Map.of("amount", 1, "currency", "EUR"))), 400, "validation");
        expectProblem(redeem(code, STAFF, Map.of("orderId", orderId())), 400, "validation");
        expectProblem(redeem(code, STAFF, Map.of("orderId", orderId(),
                "orderTotal", Map.of("amount", 1, "currency", "USD"))), 400, "validation");
        expectProblem(release(code, orderId(), null), 401, "unauthorized");

        assertThat(stored(code).getInteger("used")).isZero();
    }
}
