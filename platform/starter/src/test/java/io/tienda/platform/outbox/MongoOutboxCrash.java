package io.tienda.platform.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tienda.platform.it.CrashingWidget;
import io.tienda.platform.messaging.MessageFactory;
import io.tienda.platform.messaging.OutboundMessage;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * Run in its own JVM by MongoOutboxIT: writes a change with its pending event through the real
 * {@link MongoOutbox} API, then halts before the flush, as a process killed at the worst moment.
 */
public final class MongoOutboxCrash {

    public static final int DIED = 137;

    private MongoOutboxCrash() {
    }

    public static void main(String[] args) {
        String uri = args[0];
        String id = args[1];
        try (MongoClient client = MongoClients.create(uri)) {
            String database = new com.mongodb.ConnectionString(uri).getDatabase();
            MongoTemplate mongo = new MongoTemplate(client, database);
            MongoOutbox outbox = new MongoOutbox(mongo, new MessageFactory(null, Clock.systemUTC()), null);
            OutboundMessage message = outbox.message("widget.events", id,
                    new CrashingWidget(UUID.fromString(id), "crashed", 1));
            mongo.insert(outbox.withMessages(new Document("_id", id).append("name", "crashed"), message), "gadgets");
            Runtime.getRuntime().halt(DIED);
        }
    }
}
