package io.tienda.notification;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One application context for every integration test of the service, on a real MongoDB wire
 * server and a real SMTP server. Test data goes in through MongoTemplate as raw documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TiendaInfra(value = {Store.MONGODB, Store.SMTP}, database = "notifications")
public abstract class NotificationServiceIT {

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoTemplate mongo;

    protected RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
