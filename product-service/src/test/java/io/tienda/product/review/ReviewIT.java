package io.tienda.product.review;

import io.tienda.platform.testing.AllAtOnce;
import io.tienda.platform.testing.security.TestTokens;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.offer.TestCatalog;
import io.tienda.product.review.domain.RatingSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.Map;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewIT extends ProductServiceIT {

    private static final String SUPPORT = TestTokens.staff("SUPPORT");

    @Autowired
    ProductCatalog products;

    @Autowired
    io.tienda.product.review.domain.Reviews stored;

    @Autowired
    ProductReviews productReviews;

    private String product;

    @BeforeEach
    void product() {
        product = new TestCatalog(mongo).product(null, 2_000).sku(TestCatalog.sku("R")).save();
    }

    private String reviews() {
        return "/api/v1/products/" + product + "/reviews";
    }

    private RestTestClient.ResponseSpec send(String method, String path, String token, Object body) {
        RestTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method))
                .uri(path);
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private String write(String customer, int stars, String title) {
        return send("POST", reviews(), TestTokens.customer(customer), Map.of("rating", stars, "title", title,
                "text", "Texto de " + title)).expectStatus().isCreated().returnResult(Map.class).getResponseBody()
                .get("id").toString();
    }

    private Rating rating() {
        return products.byId(product).orElseThrow().rating();
    }

    @Test
    void aCustomerReviewsAProductAndEveryoneReadsIt() {
        String ana = TestTokens.newCustomer();

        send("POST", reviews(), TestTokens.customer(ana), Map.of("rating", 4, "title", "Muy bueno",
                "text", "Funciona como se describe."))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith(reviews() + "/"))
                .expectBody()
                .jsonPath("$.rating").isEqualTo(4)
                .jsonPath("$.title").isEqualTo("Muy bueno")
                .jsonPath("$.authorName").isEqualTo("Cliente")
                .jsonPath("$.verifiedPurchase").isEqualTo(false)
                .jsonPath("$.mine").isEqualTo(true)
                .jsonPath("$.userId").doesNotExist();

        send("GET", reviews(), null, null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].text").isEqualTo("Funciona como se describe.")
                .jsonPath("$.items[0].mine").doesNotExist()
                .jsonPath("$.items[0].userId").doesNotExist()
                .jsonPath("$.summary.count").isEqualTo(1)
                .jsonPath("$.summary.average").isEqualTo(4.0)
                .jsonPath("$.summary.distribution.4").isEqualTo(1)
                .jsonPath("$.summary.distribution.5").isEqualTo(0);
        assertThat(rating()).isEqualTo(new Rating(4.0, 1));
    }

    @Test
    void oneReviewPerCustomerAndProduct() {
        String ana = TestTokens.newCustomer();
        write(ana, 5, "Primera");

        expectProblem(send("POST", reviews(), TestTokens.customer(ana), Map.of("rating", 1)), 409, "review-exists");
        send("GET", reviews(), null, null).expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void reviewsComeNewestFirstWithTheDistributionOfStars() {
        write(TestTokens.newCustomer(), 5, "uno");
        write(TestTokens.newCustomer(), 4, "dos");
        write(TestTokens.newCustomer(), 5, "tres");

        send("GET", reviews() + "?size=2", null, null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].title").isEqualTo(List.of("tres", "dos"))
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.summary.count").isEqualTo(3)
                .jsonPath("$.summary.average").isEqualTo(4.67)
                .jsonPath("$.summary.distribution.1").isEqualTo(0)
                .jsonPath("$.summary.distribution.5").isEqualTo(2);
        send("GET", reviews() + "?page=1&size=2", null, null).expectBody()
                .jsonPath("$.items[*].title").isEqualTo(List.of("uno"));
        assertThat(rating()).isEqualTo(new Rating(4.67, 3));
    }

    @Test
    void theAuthorEditsAndDeletesTheirReviewAndTheRatingFollows() {
        String ana = TestTokens.newCustomer();
        String id = write(ana, 2, "Regular");
        write(TestTokens.newCustomer(), 4, "Bien");
        assertThat(rating()).isEqualTo(new Rating(3.0, 2));

        send("PUT", reviews() + "/" + id, TestTokens.customer(ana), Map.of("rating", 5, "title", "Mejor ahora"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.rating").isEqualTo(5).jsonPath("$.text").isEmpty();
        assertThat(rating()).isEqualTo(new Rating(4.5, 2));

        send("DELETE", reviews() + "/" + id, TestTokens.customer(ana), null).expectStatus().isNoContent();
        assertThat(rating()).isEqualTo(new Rating(4.0, 1));
        expectProblem(send("GET", reviews() + "/" + id, null, null), 404, "not-found");
    }

    @Test
    void nobodyElseEditsOrDeletesAReview() {
        String id = write(TestTokens.newCustomer(), 3, "Mía");
        String bruno = TestTokens.customer(TestTokens.newCustomer());

        expectProblem(send("PUT", reviews() + "/" + id, bruno, Map.of("rating", 1)), 404, "not-found");
        expectProblem(send("DELETE", reviews() + "/" + id, bruno, null), 404, "not-found");
        expectProblem(send("PUT", reviews() + "/" + id, TestTokens.staff("ADMIN"), Map.of("rating", 1)), 403,
                "forbidden");
        expectProblem(send("DELETE", reviews() + "/" + id, null, null), 401, "unauthorized");
        send("GET", reviews() + "/" + id, null, null).expectBody().jsonPath("$.rating").isEqualTo(3);
    }

    @Test
    void onlySignedInCustomersWriteReviewsWithinBounds() {
        Map<String, Object> fine = Map.of("rating", 3);

        expectProblem(send("POST", reviews(), null, fine), 401, "unauthorized");
        expectProblem(send("POST", reviews(), TestTokens.staff("MANAGER"), fine), 403, "forbidden");
        String ana = TestTokens.customer(TestTokens.newCustomer());
        expectProblem(send("POST", reviews(), ana, Map.of("rating", 6)), 400, "validation");
        expectProblem(send("POST", reviews(), ana, Map.of("rating", 0)), 400, "validation");
        expectProblem(send("POST", reviews(), ana, Map.of("title", "sin estrellas")), 400, "validation");
        expectProblem(send("POST", reviews(), ana, Map.of("rating", 3, "title", "t".repeat(121))), 400, "validation");
        expectProblem(send("POST", reviews(), ana, Map.of("rating", 3, "text", "x".repeat(4001))), 400, "validation");
        expectProblem(send("POST", "/api/v1/products/no-such-product/reviews", ana, fine), 404, "not-found");
        expectProblem(send("GET", "/api/v1/products/no-such-product/reviews", null, null), 404, "not-found");
        send("POST", reviews(), ana, Map.of("rating", 3, "title", "t".repeat(120), "text", "x".repeat(4000)))
                .expectStatus().isCreated();
    }

    /** A review's title is one line; its text and a moderation reason may have paragraphs and tabs. */
    @ParameterizedTest
    @MethodSource("notSingleLine")
    void titlesRefuseControlCharactersAndLineBreaks(String bad) {
        String ana = TestTokens.customer(TestTokens.newCustomer());
        send("POST", reviews(), ana, Map.of("rating", 4, "title", "Muy" + bad + "bueno")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://tienda.io/problems/validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("title"));
        send("GET", reviews(), null, null).expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @ParameterizedTest
    @MethodSource("notMultiLine")
    void textsAndReasonsKeepLineBreaksButRefuseOtherControlCharacters(String bad) {
        String ana = TestTokens.customer(TestTokens.newCustomer());
        send("POST", reviews(), ana, Map.of("rating", 4, "text", "Suena" + bad + "bien")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("text"));

        String paragraphs = "Suena bien.\r\nLa batería:\n\t- dura 20 horas";
        String id = send("POST", reviews(), ana, Map.of("rating", 4, "text", paragraphs)).expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id").toString();
        send("GET", reviews() + "/" + id, null, null).expectBody().jsonPath("$.text").isEqualTo(paragraphs);
        send("POST", reviews() + "/" + id + "/hide", SUPPORT, Map.of("reason", "Datos" + bad + "personales"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("reason"));
        send("POST", reviews() + "/" + id + "/hide", SUPPORT, Map.of("reason", "Datos personales:\r\n\t- teléfono"))
                .expectStatus().isOk().expectBody().jsonPath("$.hidden").isEqualTo(true);
    }

    @Test
    void staffHideAndUnhideReviewsAndTheRatingCountsOnlyVisibleOnes() {
        String ana = TestTokens.newCustomer();
        String rude = write(ana, 1, "Grosero");
        write(TestTokens.newCustomer(), 5, "Genial");
        assertThat(rating()).isEqualTo(new Rating(3.0, 2));

        send("POST", reviews() + "/" + rude + "/hide", SUPPORT, Map.of("reason", "Insultos"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hidden").isEqualTo(true)
                .jsonPath("$.moderation.reason").isEqualTo("Insultos")
                .jsonPath("$.moderation.by").isEqualTo("staff-support");
        assertThat(rating()).isEqualTo(new Rating(5.0, 1));
        send("GET", reviews(), null, null).expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].title").isEqualTo("Genial")
                .jsonPath("$.summary.count").isEqualTo(1);

        send("GET", reviews() + "?visibility=hidden", TestTokens.staff("MANAGER"), null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].title").isEqualTo(List.of("Grosero"))
                .jsonPath("$.items[0].userId").isEqualTo(ana)
                .jsonPath("$.summary.count").isEqualTo(1);
        send("GET", reviews() + "?visibility=all", SUPPORT, null).expectBody().jsonPath("$.total").isEqualTo(2);
        send("GET", reviews() + "/" + rude, TestTokens.customer(ana), null)
                .expectStatus().isOk().expectBody().jsonPath("$.hidden").isEqualTo(true);
        expectProblem(send("GET", reviews() + "/" + rude, null, null), 404, "not-found");

        send("POST", reviews() + "/" + rude + "/unhide", TestTokens.staff("ADMIN"), null)
                .expectStatus().isOk().expectBody().jsonPath("$.hidden").isEqualTo(false);
        assertThat(rating()).isEqualTo(new Rating(3.0, 2));
        send("GET", reviews(), null, null).expectBody().jsonPath("$.total").isEqualTo(2);
    }

    /**
     * Deleting a hidden review would free the author's one review of the product for a new one that no one
     * has moderated; the delete is refused and the hidden review, its moderation and the rating stay.
     */
    @Test
    void theAuthorCannotDeleteAReviewStaffHidToPostAnUnmoderatedOne() {
        String ana = TestTokens.newCustomer();
        String anasToken = TestTokens.customer(ana);
        String rude = write(ana, 1, "Grosero");
        write(TestTokens.newCustomer(), 5, "Genial");
        send("POST", reviews() + "/" + rude + "/hide", SUPPORT, Map.of("reason", "Insultos")).expectStatus().isOk();
        Rating moderated = rating();

        expectProblem(send("DELETE", reviews() + "/" + rude, anasToken, null), 409, "review-hidden");
        expectProblem(send("POST", reviews(), anasToken, Map.of("rating", 1, "title", "Otra vez")), 409,
                "review-exists");

        send("GET", reviews() + "/" + rude, SUPPORT, null).expectStatus().isOk().expectBody()
                .jsonPath("$.hidden").isEqualTo(true)
                .jsonPath("$.title").isEqualTo("Grosero")
                .jsonPath("$.moderation.reason").isEqualTo("Insultos");
        send("GET", reviews() + "?visibility=all", SUPPORT, null).expectBody().jsonPath("$.total").isEqualTo(2);
        send("GET", reviews(), null, null).expectBody().jsonPath("$.items[*].title").isEqualTo(List.of("Genial"));
        assertThat(rating()).isEqualTo(moderated).isEqualTo(new Rating(5.0, 1));

        // editing keeps it hidden; once staff show it again, its author may delete it
        send("PUT", reviews() + "/" + rude, anasToken, Map.of("rating", 2, "title", "Perdón"))
                .expectStatus().isOk().expectBody().jsonPath("$.hidden").isEqualTo(true);
        send("GET", reviews(), null, null).expectBody().jsonPath("$.total").isEqualTo(1);
        send("POST", reviews() + "/" + rude + "/unhide", SUPPORT, null).expectStatus().isOk();
        send("DELETE", reviews() + "/" + rude, anasToken, null).expectStatus().isNoContent();
        assertThat(rating()).isEqualTo(new Rating(5.0, 1));
    }

    /**
     * Customers reviewing one product at the same moment each recompute its rating. Whichever rating
     * is stored last must count every review, not only those there were when its writer looked. The
     * reviews go straight to the application service, where the race is, so that they meet there
     * rather than queue for the HTTP client's connections; and one race may come out right by luck,
     * so it is run on several products in turn.
     */
    @Test
    void reviewsWrittenAtOnceAllCountInTheProductsRating() {
        int customers = 8;
        for (int round = 0; round < 12; round++) {
            String raced = new TestCatalog(mongo).product(null, 2_000).sku(TestCatalog.sku("R")).save();

            AllAtOnce.run(customers, i -> productReviews.write(raced, TestTokens.newCustomer(), "Cliente",
                    new ProductReviews.Content(i % 5 + 1, "A la vez " + i, null)));

            RatingSummary reviewsSay = stored.summary(raced);
            assertThat(reviewsSay.count()).isEqualTo(customers);
            assertThat(products.byId(raced).orElseThrow().rating()).as("round %d", round)
                    .isEqualTo(reviewsSay.toRating());
        }
    }

    /** An edit made from a copy read before staff hid the review does not undo the hide; a stale hide loses too. */
    @Test
    void anEditRacingAHideNeverShowsTheReviewAgain() {
        String ana = TestTokens.newCustomer();
        String id = write(ana, 1, "Grosero");
        var readBeforeTheHide = stored.byId(product, id).orElseThrow();
        send("POST", reviews() + "/" + id + "/hide", SUPPORT, Map.of("reason", "Insultos")).expectStatus().isOk();

        assertThat(stored.update(readBeforeTheHide.edit(5, "Genial", null, java.time.Instant.now()))).isFalse();
        assertThat(stored.update(readBeforeTheHide.hide("otra", "staff-2", java.time.Instant.now()))).isFalse();

        send("GET", reviews() + "/" + id, SUPPORT, null).expectBody()
                .jsonPath("$.hidden").isEqualTo(true)
                .jsonPath("$.title").isEqualTo("Grosero")
                .jsonPath("$.rating").isEqualTo(1)
                .jsonPath("$.moderation.reason").isEqualTo("Insultos");
        send("GET", reviews(), null, null).expectBody().jsonPath("$.total").isEqualTo(0);
        send("PUT", reviews() + "/" + id, TestTokens.customer(ana), Map.of("rating", 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.hidden").isEqualTo(true);
        send("GET", reviews() + "/" + id, SUPPORT, null).expectBody()
                .jsonPath("$.rating").isEqualTo(2)
                .jsonPath("$.moderation.reason").isEqualTo("Insultos");
    }

    @Test
    void onlyStaffModerateAndSeeHiddenReviews() {
        String id = write(TestTokens.newCustomer(), 2, "Meh");
        String customer = TestTokens.customer(TestTokens.newCustomer());

        expectProblem(send("POST", reviews() + "/" + id + "/hide", customer, Map.of("reason", "no me gusta")), 403,
                "forbidden");
        expectProblem(send("POST", reviews() + "/" + id + "/hide", TestTokens.staff("ANALYST"),
                Map.of("reason", "x")), 403, "forbidden");
        expectProblem(send("POST", reviews() + "/" + id + "/hide", null, Map.of("reason", "x")), 401, "unauthorized");
        expectProblem(send("POST", reviews() + "/" + id + "/hide", SUPPORT, Map.of("reason", " ")), 400,
                "validation");
        expectProblem(send("POST", reviews() + "/no-such-review/hide", SUPPORT, Map.of("reason", "x")), 404,
                "not-found");
        expectProblem(send("GET", reviews() + "?visibility=hidden", null, null), 401, "unauthorized");
        expectProblem(send("GET", reviews() + "?visibility=hidden", customer, null), 403, "forbidden");
        expectProblem(send("GET", reviews() + "?visibility=secret", SUPPORT, null), 400, "invalid-parameter");
        send("GET", reviews(), null, null).expectBody().jsonPath("$.total").isEqualTo(1);
    }

    /**
     * A product not on sale is, to anyone but staff, a product that does not exist, as its page is: its
     * reviews are not shown, and no one reviews it, which would change its rating and announce it.
     */
    @Test
    void aProductNotOnSaleHasNoReviewsExceptForStaff() {
        String ana = TestTokens.newCustomer();
        String anasToken = TestTokens.customer(ana);
        String id = write(ana, 4, "Buena");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(product)), new Update().set("active", false),
                "products");
        long version = products.byId(product).orElseThrow().version();

        expectProblem(send("GET", reviews(), null, null), 404, "not-found");
        expectProblem(send("GET", reviews(), anasToken, null), 404, "not-found");
        expectProblem(send("GET", reviews() + "/" + id, null, null), 404, "not-found");
        expectProblem(send("POST", reviews(), TestTokens.customer(TestTokens.newCustomer()), Map.of("rating", 1)),
                404, "not-found");
        expectProblem(send("PUT", reviews() + "/" + id, anasToken, Map.of("rating", 1)), 404, "not-found");
        expectProblem(send("DELETE", reviews() + "/" + id, anasToken, null), 404, "not-found");
        assertThat(rating()).isEqualTo(new Rating(4.0, 1));
        assertThat(products.byId(product).orElseThrow().version()).isEqualTo(version);
        assertThat(stored.summary(product).count()).isEqualTo(1);

        send("GET", reviews(), SUPPORT, null).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].title").isEqualTo("Buena");
        send("GET", reviews() + "/" + id, SUPPORT, null).expectStatus().isOk();
        send("POST", reviews() + "/" + id + "/hide", SUPPORT, Map.of("reason", "Revisión")).expectStatus().isOk();
    }

    @Test
    void theReviewEndpointsAreDocumented() {
        expectDocumented(http, "/api/v1/products/{productId}/reviews",
                "/api/v1/products/{productId}/reviews/{reviewId}");
        http.get().uri("/v3/api-docs").exchange().expectBody()
                .jsonPath("$.paths['/api/v1/products/{productId}/reviews'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/products/{productId}/reviews/{reviewId}/hide'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/products/{productId}/reviews/{reviewId}/unhide'].post.summary").exists();
    }
}
