package io.tienda.order.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.saga.PaymentAuthorized;
import io.tienda.platform.events.saga.PaymentCaptured;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every order-service integration test starts from: the API, the database, the other services
 * (WireMock) and the saga's participants (Kafka), closed after each test.
 */
@OrderServiceTest
public abstract class OrderIT {

    /** cart-service and user-service, by path. */
    protected static final WireMockServer SERVICES = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SERVICES.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVICES::stop, "wiremock-stop"));
    }

    @DynamicPropertySource
    static void otherServices(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"cart-service", "user-service"}) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                    () -> "http://localhost:" + SERVICES.port());
        }
    }

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    protected TestApi api;
    protected Stubs stubs;
    private Participants participants;

    @BeforeEach
    void connect() {
        api = new TestApi(http);
        stubs = new Stubs(SERVICES);
    }

    @AfterEach
    void closeParticipants() {
        if (participants != null) {
            participants.close();
            participants = null;
        }
    }

    /** Inventory, payment and product-service's coupon commands, through Kafka; opened on first use. */
    protected Participants participants() {
        if (participants == null) {
            participants = new Participants(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        }
        return participants;
    }

    /** A body for POST /api/v1/orders with an address given inline. */
    protected static Map<String, Object> checkout(String paymentMethod) {
        return Map.of("shippingAddress", Map.of("name", "Ana García", "line1", "Calle Mayor 1", "city", "Madrid",
                "postcode", "28013", "country", "ES"), "paymentMethod", paymentMethod);
    }

    /** Places an order for {@code customer} (whose cart the test stubbed) and answers its id. */
    protected UUID place(String token, Map<String, Object> body) {
        ApiReply reply = api.post("/api/v1/orders", token, body, UUID.randomUUID().toString()).expect(202);
        return UUID.fromString(reply.text("id"));
    }

    /**
     * An order of {@code token}'s shopper, whose cart the test stubbed with {@code line}, through the whole
     * checkout, the test playing inventory and payment: paid, committed, CONFIRMED, its saga ENDED. The
     * shopper then puts the same goods in the cart again (new contents), ready for the next order.
     */
    protected UUID completedOrder(String token, Stubs.Line line) {
        UUID id = place(token, checkout("pm_card_visa"));
        completeCheckout(id, line);
        stubs.refill(token);
        return id;
    }

    /** Plays inventory and payment through a placed order's whole checkout, until its saga has ENDED. */
    protected void completeCheckout(UUID id, Stubs.Line line) {
        Money total = Money.of(Stubs.total(line), "EUR");
        participants().inventory("inventory.reserve", id, 1);
        participants().reply(id, new StockReserved(id, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        participants().payment("payment.authorize", id, 1);
        participants().reply(id, new PaymentAuthorized(id, "pi_1", total));
        participants().inventory("inventory.commit", id, 1);
        participants().reply(id, new StockCommitted(id));
        participants().payment("payment.capture", id, 1);
        participants().reply(id, new PaymentCaptured(id, "pi_1", total));
        awaitStep(id, "ENDED");
    }

    /**
     * Plays inventory through the checkout of an order with nothing to pay (a replacement, or a coupon that
     * took it to 0): reserved, CONFIRMED, committed, and its saga ENDED COMPLETED with the order CONFIRMED.
     */
    protected void completeWithoutPayment(UUID id) {
        participants().inventory("inventory.reserve", id, 1);
        participants().reply(id, new StockReserved(id, UUID.randomUUID(), Instant.now().plusSeconds(1800)));
        awaitStatus(id, "CONFIRMED");
        participants().inventory("inventory.commit", id, 1);
        participants().reply(id, new StockCommitted(id));
        awaitStep(id, "ENDED");
        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select data->>'outcome' from saga_instance where order_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("COMPLETED");
    }

    /** The refund on the order as its shopper reads it; a missing node when the order has none. */
    protected JsonNode refund(String token, UUID orderId) {
        return api.get("/api/v1/orders/" + orderId, token).expect(200).json().path("refund");
    }

    protected String status(UUID orderId) {
        return jdbc.sql("select status from orders where id = :id").param("id", orderId).query(String.class).single();
    }

    protected String step(UUID orderId) {
        return jdbc.sql("select step from saga_instance where order_id = :id").param("id", orderId)
                .query(String.class).single();
    }

    protected void awaitStatus(UUID orderId, String expected) {
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> expected.equals(status(orderId)));
    }

    protected void awaitStep(UUID orderId, String expected) {
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> expected.equals(step(orderId)));
    }

    /** As if the saga's current wait had ended while nobody answered (or the service was down). */
    protected void passDeadline(UUID orderId) {
        jdbc.sql("""
                        update saga_instance set deadline = timestamptz '2000-01-01T00:00:00Z',
                               data = jsonb_set(data, '{deadline}', '"2000-01-01T00:00:00Z"')
                         where order_id = :id""")
                .param("id", orderId).update();
    }

    protected int count(String sql, UUID orderId) {
        return jdbc.sql(sql).param("id", orderId).query(Integer.class).single();
    }
}
