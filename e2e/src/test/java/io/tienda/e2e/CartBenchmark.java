package io.tienda.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cart adds and priced cart reads per second through the gateway, with p50/p95, printed, never
 * asserted against a time: {@code ./mvnw -pl e2e verify -Pbench -Dit.test=CartBenchmark
 * -Dtienda.e2e.base-url=http://localhost:8080}. Each client is a guest with a cart of its own
 * (a cart token from its first add); every read prices the whole cart through product-service, as
 * a shopper's app would see it. Each request presents its own client address so the gateway's
 * per-IP limits do not cap the figure.
 */
@ExtendWith(Fleet.class)
class CartBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 250);
    /** Adds spread over this many SKUs, so no line nears its 99-unit limit. */
    private static final int SKUS = 20;

    private static final List<String> IN_STOCK = new ArrayList<>();

    @BeforeAll
    static void sampleTheCatalog() {
        JsonNode hits = get("/api/v1/products?inStock=true&size=60").json().get("items");
        for (JsonNode hit : hits) {
            JsonNode product = get("/api/v1/products/" + hit.get("id").asString()).json();
            for (JsonNode variant : product.get("variants")) {
                if (variant.get("inStock").asBoolean()) {
                    IN_STOCK.add(variant.get("sku").asString());
                    break;
                }
            }
            if (IN_STOCK.size() == SKUS) {
                break;
            }
        }
        assertThat(IN_STOCK).as("SKUs in stock").isNotEmpty();
    }

    @Test
    void cartAddsAndReadsPerSecond() throws Exception {
        String[] tokens = new String[CLIENTS];
        for (int client = 0; client < CLIENTS; client++) {
            tokens[client] = expectOk(add(null, IN_STOCK.get(0))).header("X-Cart-Token");
        }
        for (int i = 0; i < 20; i++) {
            expectOk(read(tokens[i % CLIENTS]));
        }

        Load.Result adds = Load.run("add an item", CLIENTS, REQUESTS_PER_CLIENT,
                (client, i) -> expectOk(add(tokens[client], IN_STOCK.get(i % IN_STOCK.size()))));
        Load.Result reads = Load.run("read the priced cart", CLIENTS, REQUESTS_PER_CLIENT,
                (client, i) -> expectOk(read(tokens[client])));

        System.out.printf("%n== cart benchmark through the gateway: %d clients x %d requests, carts of %d lines ==%n",
                CLIENTS, REQUESTS_PER_CLIENT, IN_STOCK.size());
        System.out.println(adds);
        System.out.println(reads);
        assertThat(adds.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(reads.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    }

    private static Api.Reply add(String cartToken, String sku) {
        Api.Call call = Api.gateway().post("/api/v1/cart/items", "{\"sku\":\"" + sku + "\",\"quantity\":1}")
                .header("X-Forwarded-For", Accounts.randomClientAddress());
        return (cartToken == null ? call : call.header("X-Cart-Token", cartToken)).send();
    }

    private static Api.Reply read(String cartToken) {
        return Api.gateway().get("/api/v1/cart").header("X-Cart-Token", cartToken)
                .header("X-Forwarded-For", Accounts.randomClientAddress()).send();
    }

    private static Api.Reply expectOk(Api.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static Api.Reply get(String path) {
        return expectOk(Api.gateway().get(path).header("X-Forwarded-For", Accounts.randomClientAddress()).send());
    }
}
