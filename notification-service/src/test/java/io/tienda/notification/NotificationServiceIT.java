package io.tienda.notification;

import io.tienda.platform.events.Topics;
import io.tienda.platform.testing.Infra;
import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import io.tienda.platform.testing.http.StatusRetryFreeRestTestClient;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.infra.ReceivedMail;
import io.tienda.platform.testing.messaging.EventMessages;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One application context for every integration test of the service, on a real MongoDB wire
 * server, a real Kafka broker and a real SMTP server (GreenMail). Events go in through Kafka as
 * their producers send them; mail is read back from GreenMail. The sender runs every 100 ms and
 * retries quickly, so that outages and late contacts resolve within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tienda.notifications.public-base-url=https://shop.example.com/",
        "tienda.notifications.staff-recipients=stock@tienda.example.com, buyer@tienda.example.com",
        "tienda.notifications.staff-language=en",
        "tienda.notifications.contact-retry=200ms",
        "tienda.notifications.contact-wait=1h",
        "tienda.notifications.sender.interval=100ms",
        "tienda.notifications.sender.initial-backoff=300ms",
        "tienda.notifications.sender.max-backoff=1s",
        "tienda.notifications.sender.max-attempts=30",
        "tienda.notifications.tickets.mail-sweep-interval=1s"})
@TiendaInfra(value = {Store.MONGODB, Store.KAFKA, Store.SMTP}, database = "notifications")
public abstract class NotificationServiceIT {

    public static final String BASE = "https://shop.example.com";

    static {
        // The topics and their dead-letter topics exist before the listeners subscribe, as they do once
        // their producers have started.
        for (String topic : new String[] {Topics.USER_EVENTS, Topics.ORDER_EVENTS, Topics.PAYMENT_EVENTS,
                Topics.RETURNS_EVENTS, Topics.INVENTORY_EVENTS}) {
            Infra.kafka().createTopics(topic, Topics.deadLetter(topic));
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected RestTestClient http;
    protected TestApi api;
    protected EventMessages events;

    @BeforeEach
    void client() {
        http = StatusRetryFreeRestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        api = new TestApi(http);
        events = new EventMessages(bootstrapServers);
    }

    @AfterEach
    void closeEvents() {
        events.close();
    }

    /** A unique address for one test, so tests never read each other's mail. */
    protected static String address(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The mail received for {@code address}, waiting up to 20 s for {@code count} of them. */
    protected static List<ReceivedMail> mailFor(String address, int count) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> Infra.smtp().receivedMail().stream().filter(m -> m.isFor(address)).toList(),
                        mails -> mails.size() >= count);
    }

    protected static List<ReceivedMail> mailFor(String address) {
        return Infra.smtp().receivedMail().stream().filter(m -> m.isFor(address)).toList();
    }

    /** A contact as user-service would have announced it, written straight into the address book. */
    protected void contact(String userId, String email, String name, String language) {
        mongo.save(new Document("_id", userId).append("email", email).append("name", name)
                .append("language", language).append("asOf", Date.from(Instant.now())), "contacts");
    }

    /** The staff alerts of a refund of {@code order} that failed, waiting up to 20 s for {@code count} of them. */
    protected static List<ReceivedMail> staffAlerts(UUID order, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> staffAlertsNow(order), found -> found.size() >= count);
    }

    protected static List<ReceivedMail> staffAlertsNow(UUID order) {
        return Infra.smtp().receivedMail().stream().filter(m -> m.subject().equals("Refund failed: order " + order))
                .toList();
    }

    /** The staff messages an event queued, one per staff address ({@code <eventId>:staff:<digest>}). */
    protected List<Document> staffMessages(UUID eventId) {
        return mongo.find(Query.query(Criteria.where("_id").regex("^" + eventId + ":staff:")), Document.class,
                "notifications");
    }

    protected Document notification(String id) {
        return mongo.findById(id, Document.class, "notifications");
    }

    protected Document awaitNotification(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> notification(id), n -> n != null && status.equals(n.getString("status")));
    }
}
