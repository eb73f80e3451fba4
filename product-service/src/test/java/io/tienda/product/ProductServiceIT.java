package io.tienda.product;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One application context for every integration test of the service, on a real MongoDB wire
 * server and a real Kafka broker (the service creates its topics at start). Test data goes in
 * through MongoTemplate as raw documents, which also pins the stored document shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TiendaInfra(value = {Store.MONGODB, Store.KAFKA}, database = "products")
public abstract class ProductServiceIT {

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoTemplate mongo;

    protected RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    protected void clear(String... collections) {
        for (String collection : collections) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
    }

    protected static Document product(String slug, String name, long cents, boolean active, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        return new Document("_id", id)
                .append("slug", slug)
                .append("name", name)
                .append("description", name + " description")
                .append("categoryId", "cat-1")
                .append("brand", new Document("id", "brand-1").append("name", "Acme"))
                .append("price", new Document("amount", cents).append("currency", "EUR"))
                .append("images", List.of("https://img.example/" + slug + ".jpg"))
                .append("variants", List.of(new Document("sku", slug.toUpperCase() + "-1")
                        .append("attributes", new Document(Map.of("size", "M")))))
                .append("active", active)
                .append("inStock", true)
                .append("createdAt", Date.from(createdAt))
                .append("updatedAt", Date.from(createdAt));
    }
}
