package io.tienda.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoTest {

    @Test
    void insertsAndFindsADocument() {
        try (MongoClient client = MongoClients.create(Infra.mongo().uri("mongo_test"))) {
            MongoCollection<Document> products = client.getDatabase("mongo_test").getCollection("products");
            products.insertOne(new Document("sku", "TSHIRT-RED-M").append("price", 1999));

            Document found = products.find(Filters.eq("sku", "TSHIRT-RED-M")).first();

            assertThat(found).isNotNull();
            assertThat(found.getInteger("price")).isEqualTo(1999);
        }
    }

    @Test
    void answersHelloLikeTheSpringBootHealthIndicatorAsks() {
        try (MongoClient client = MongoClients.create(Infra.mongo().uri("mongo_test"))) {
            Document hello = client.getDatabase("mongo_test").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.getBoolean("ismaster")).isTrue();
        }
    }

}
