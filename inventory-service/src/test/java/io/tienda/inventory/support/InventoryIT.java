package io.tienda.inventory.support;

import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.testing.http.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every inventory integration test starts from: the API, the database, fixtures and, when a
 * test reads or sends Kafka messages, a {@link EventMessages} closed after each test.
 */
@InventoryServiceTest
public abstract class InventoryIT {

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    protected TestApi api;
    protected Fixtures fixtures;

    private EventMessages messages;

    @BeforeEach
    void connect() {
        api = new TestApi(http);
        fixtures = new Fixtures(api, jdbc);
    }

    @AfterEach
    void closeMessages() {
        if (messages != null) {
            messages.close();
            messages = null;
        }
    }

    /** Kafka as the test sees it, opened on first use. */
    protected EventMessages messages() {
        if (messages == null) {
            messages = new EventMessages(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        }
        return messages;
    }
}
