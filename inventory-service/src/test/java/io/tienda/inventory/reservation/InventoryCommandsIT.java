package io.tienda.inventory.reservation;

import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.Fixtures.Level;
import io.tienda.inventory.support.InventoryServiceTest;
import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.http.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.tienda.inventory.support.Saga.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga's commands through Kafka, as order-service sends them: each delivered twice (same event
 * id) and sent again (same order, new event id). One effect, the same reply every time, every reply
 * and event as its contract says.
 */
@InventoryServiceTest
class InventoryCommandsIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    Fixtures fixtures;
    EventMessages messages;
    String sku;
    UUID order;
    /** Replies for {@link #order} so far: each order id is new in each test. */
    int repliesSoFar;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(new TestApi(http), jdbc);
        messages = new EventMessages(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        sku = Fixtures.sku("KC");
        order = UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        messages.close();
    }

    @Test
    void reserveCommitAndReleaseEachApplyOnceAndAnswerTheSameEveryTime() {
        fixtures.receive(sku, Fixtures.MADRID, 5);

        JsonNode reserved = thrice(new ReserveStock(order, lines(sku, 2), Instant.now().plusSeconds(600)),
                "inventory.stock_reserved");
        assertThat(reserved.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Level(5, 2));
        assertThat(fixtures.movements(sku, "RESERVATION")).isEqualTo(1);

        thrice(new CommitStock(order), "inventory.stock_committed");
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Level(3, 0));
        assertThat(fixtures.movements(sku, "COMMIT")).isEqualTo(1);

        thrice(new ReleaseStock(order, "cancelled-by-customer"), "inventory.stock_released");
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Level(5, 0));
        assertThat(fixtures.movements(sku, "RESTOCK")).isEqualTo(1);
        assertThat(fixtures.ledger(sku, Fixtures.MADRID)).isEqualTo(new Level(5, 0));
    }

    @Test
    void aRejectedReserveIsRejectedAgainOnEveryReplay() {
        JsonNode rejected = thrice(new ReserveStock(order, lines(sku, 1), Instant.now().plusSeconds(600)),
                "inventory.stock_rejected");

        assertThat(rejected.get("reason").asString()).isEqualTo("insufficient-stock");
        assertThat(rejected.get("unavailableSkus").valueStream().map(JsonNode::asString)).containsExactly(sku);
    }

    @Test
    void aReleaseOfAnOrderThatHoldsNothingIsAnsweredEveryTime() {
        thrice(new ReleaseStock(order, "timeout"), "inventory.stock_released");
    }

    @Test
    void theEventsOfACheckoutFollowTheirContracts() {
        fixtures.receive(sku, Fixtures.MADRID, 3);
        fixtures.reorderPolicy(sku, Fixtures.MADRID, 1, 20);

        messages.send(Topics.INVENTORY_COMMANDS, order.toString(),
                new ReserveStock(order, lines(sku, 2), Instant.now().plusSeconds(600)));

        messages.await(Topics.SAGA_REPLIES, "inventory.stock_reserved", order.toString(), 1);
        List<EventMessages.Published> changes = messages.await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 2);
        JsonNode last = changes.get(changes.size() - 1).json();
        assertThat(last.get("available").asInt()).isEqualTo(1);
        assertThat(last.get("version").asLong()).isEqualTo(2);
        JsonNode low = messages.await(Topics.INVENTORY_EVENTS, "inventory.low_stock", sku, 1).get(0).json();
        assertThat(low.get("warehouse").asString()).isEqualTo("MAD-1");
        assertThat(low.get("onHand").asInt()).isEqualTo(3);
        assertThat(low.get("available").asInt()).isEqualTo(1);
    }

    @Test
    void commandsThatCanNeverSucceedAreDeadLetteredWithoutBlockingTheOrder() {
        fixtures.receive(sku, Fixtures.MADRID, 1);
        UUID garbage = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID orderless = UUID.randomUUID();

        messages.send(Topics.INVENTORY_COMMANDS, order.toString(), garbage, "inventory.reserve", "{ not json");
        messages.send(Topics.INVENTORY_COMMANDS, order.toString(), unknown, "inventory.teleport", "{}");
        messages.send(Topics.INVENTORY_COMMANDS, order.toString(), orderless, "inventory.commit", "{}");
        messages.send(Topics.INVENTORY_COMMANDS, order.toString(),
                new ReserveStock(order, lines(sku, 1), Instant.now().plusSeconds(600)));

        messages.await(Topics.SAGA_REPLIES, "inventory.stock_reserved", order.toString(), 1);
        KafkaProbe probe = new KafkaProbe(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        for (UUID poison : List.of(garbage, unknown, orderless)) {
            assertThat(probe.find(Topics.deadLetter(Topics.INVENTORY_COMMANDS),
                    r -> poison.toString().equals(KafkaProbe.header(r, Envelope.EVENT_ID)), Duration.ofSeconds(30)))
                    .as("dead letter %s", poison).isPresent();
        }
    }

    /**
     * Sends the command, delivers the same record again, then sends it once more under a new event id;
     * answers the reply after checking that all three replies are the same.
     */
    private JsonNode thrice(Object command, String replyType) {
        String key = order.toString();
        UUID eventId = UUID.randomUUID();
        String type = Envelope.typeOf(command.getClass());
        String body = EventJson.write(command);

        messages.send(Topics.INVENTORY_COMMANDS, key, eventId, type, body);
        messages.send(Topics.INVENTORY_COMMANDS, key, eventId, type, body);
        messages.send(Topics.INVENTORY_COMMANDS, key, UUID.randomUUID(), type, body);

        List<EventMessages.Published> replies = messages.await(Topics.SAGA_REPLIES, replyType, key, 3);
        List<EventMessages.Published> all = messages.all(Topics.SAGA_REPLIES, key);
        repliesSoFar += 3;
        assertThat(all).as("three new replies, no other").hasSize(repliesSoFar);
        List<EventMessages.Published> latest = replies.subList(replies.size() - 3, replies.size());
        assertThat(latest.stream().map(EventMessages.Published::body).distinct()).as("the same reply each time").hasSize(1);
        return replies.get(replies.size() - 1).json();
    }
}
