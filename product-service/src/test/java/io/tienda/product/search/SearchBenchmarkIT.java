package io.tienda.product.search;

import io.tienda.product.ProductServiceIT;
import io.tienda.product.demo.DemoCatalog;
import io.tienda.product.search.persistence.SearchIndexer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search latency over a benchmark-size catalog, through the service's HTTP API, printed rather
 * than asserted. On demand only:
 * {@code ./mvnw -pl product-service verify -Dit.test=SearchBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dproducts.bench.size=100000}
 *
 * Queries are one or two words of the catalog's own product names, a third of them with two
 * letters swapped, so the fuzzy path is measured too; every search asks for facets.
 */
@EnabledIfSystemProperty(named = "products.bench.size", matches = "\\d+")
class SearchBenchmarkIT extends ProductServiceIT {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 250);

    @Autowired
    DemoCatalog demo;

    @Autowired
    SearchIndexer indexer;

    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void empty() {
        clear("products", "categories", "brands");
    }

    @Test
    void searchLatencyOverABenchmarkCatalog() throws Exception {
        clear("products", "categories", "brands");
        int size = Integer.getInteger("products.bench.size");
        DemoCatalog.Result loaded = demo.load(size);
        long buildStart = System.nanoTime();
        indexer.rebuild();
        long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
        List<String> queries = queriesFromTheCatalog();

        for (int i = 0; i < 100; i++) {
            search(queries);
        }
        Timings searches = run(() -> search(queries));
        Timings suggestions = run(() -> suggest(queries));

        System.out.printf("%n== search over %d products (loaded in %d ms, index rebuilt from MongoDB in %d ms), "
                + "%d clients x %d requests ==%n", size, loaded.took().toMillis(), buildMillis, CLIENTS,
                REQUESTS_PER_CLIENT);
        System.out.println("search      " + searches);
        System.out.println("suggestions " + suggestions);
        assertThat(indexer.lastBuild().documents()).isEqualTo(mongo.getCollection("products")
                .countDocuments(new Document("active", true)));
        assertThat(searches.count()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
    }

    private List<String> queriesFromTheCatalog() {
        List<String> queries = new ArrayList<>();
        for (Document product : mongo.getCollection("products").find().limit(500)) {
            String[] words = product.get("name", Document.class).getString("es").toLowerCase(Locale.ROOT)
                    .split("\\s+");
            queries.add(words[0]);
            queries.add(words.length > 1 ? words[0] + " " + words[1] : words[0]);
            if (words[0].length() > 5) {
                int at = words[0].length() / 2;
                queries.add(words[0].substring(0, at - 1) + words[0].charAt(at) + words[0].charAt(at - 1)
                        + words[0].substring(at + 1));
            }
        }
        return queries;
    }

    private void search(List<String> queries) throws Exception {
        get("/api/v1/search/products?size=20&q=" + encoded(pick(queries)));
    }

    /** What a shopper has typed after four letters. */
    private void suggest(List<String> queries) throws Exception {
        String query = pick(queries);
        get("/api/v1/search/suggestions?q=" + encoded(query.substring(0, Math.min(4, query.length()))));
    }

    private static String pick(List<String> queries) {
        return queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private Timings run(Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        long t0 = System.nanoTime();
                        request.send();
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> each : clients) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Timings(latencies.stream().sorted().toList(), System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface Request {
        void send() throws Exception;
    }

    private record Timings(List<Long> sorted, long elapsedNanos) {

        int count() {
            return sorted.size();
        }

        long millis(double fraction) {
            return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * fraction))) / 1_000_000;
        }

        @Override
        public String toString() {
            return String.format("%7.1f/s  p50 %3d ms  p95 %3d ms  p99 %3d ms  (%d requests)",
                    count() / (elapsedNanos / 1e9), millis(0.50), millis(0.95), millis(0.99), count());
        }
    }
}
