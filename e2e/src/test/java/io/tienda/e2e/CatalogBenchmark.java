package io.tienda.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product reads by id and full-text searches per second through the gateway, with p50/p95,
 * printed, never asserted against a time, on whatever catalog the fleet holds (the demo catalog by
 * default): {@code ./mvnw -pl e2e verify -Pbench -Dit.test=CatalogBenchmark
 * -Dtienda.e2e.base-url=http://localhost:8080}. Search over the 100 000-product catalog is measured
 * inside product-service ({@code SearchBenchmarkIT}): loading that many products into the local
 * fleet's file-backed MongoDB stand-in takes far longer than into a real mongod.
 *
 * Queries are words taken from the catalog's own product names, some with a typo, so they find
 * something whatever catalog is loaded. Each request presents its own client address so the
 * gateway's per-IP limits do not cap the figure.
 */
@ExtendWith(Fleet.class)
class CatalogBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 250);
    private static final int SAMPLE_PAGES = 5;

    private static final List<String> PRODUCT_IDS = new ArrayList<>();
    private static final List<String> QUERIES = new ArrayList<>();
    private static long catalogSize;

    @BeforeAll
    static void sampleTheCatalog() {
        for (int page = 0; page < SAMPLE_PAGES; page++) {
            JsonNode list = get("/api/v1/products?size=100&page=" + page).json();
            catalogSize = list.get("total").asLong();
            for (JsonNode product : list.get("items")) {
                PRODUCT_IDS.add(product.get("id").asString());
                String[] words = product.get("name").get("es").asString().toLowerCase(Locale.ROOT).split("\\s+");
                QUERIES.add(words[0]);
                if (words.length > 1) {
                    QUERIES.add(words[0] + " " + words[1]);
                }
                if (words[0].length() > 5) {
                    QUERIES.add(withTypo(words[0]));
                }
            }
        }
        assertThat(PRODUCT_IDS).as("products to read").isNotEmpty();
    }

    @Test
    void productReadsAndSearchesPerSecond() throws Exception {
        warmUp();

        Load.Result reads = Load.run("read by id", CLIENTS, REQUESTS_PER_CLIENT,
                (client, i) -> expectOk(get("/api/v1/products/" + pick(PRODUCT_IDS))));
        Load.Result searches = Load.run("search", CLIENTS, REQUESTS_PER_CLIENT,
                (client, i) -> expectOk(get("/api/v1/search/products?size=20&q="
                        + URLEncoder.encode(pick(QUERIES), StandardCharsets.UTF_8))));

        System.out.printf("%n== catalog benchmark through the gateway: %d products, %d clients x %d requests ==%n",
                catalogSize, CLIENTS, REQUESTS_PER_CLIENT);
        System.out.println(reads);
        System.out.println(searches);
        assertThat(reads.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(searches.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    }

    private static void warmUp() {
        for (int i = 0; i < 50; i++) {
            expectOk(get("/api/v1/products/" + pick(PRODUCT_IDS)));
            expectOk(get("/api/v1/search/products?q=" + URLEncoder.encode(pick(QUERIES), StandardCharsets.UTF_8)));
        }
    }

    private static Api.Reply get(String path) {
        return Api.gateway().get(path).header("X-Forwarded-For", Accounts.randomClientAddress()).send();
    }

    private static void expectOk(Api.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** Swaps two letters in the middle, as a hurried thumb does. */
    private static String withTypo(String word) {
        int at = word.length() / 2;
        return word.substring(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.substring(at + 1);
    }
}
