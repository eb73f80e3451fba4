package io.tienda.platform.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * More concurrent writers than the pool has connections: every write commits and answers, and every
 * event reaches Kafka. The relay must not hold a request's connection while it sends, or the pool
 * starves and requests wait out the connection timeout.
 */
@Order(4)
class OutboxUnderLoadIT extends StarterIT {


    @Value("${spring.datasource.hikari.maximum-pool-size:10}")
    int poolSize;

    @Test
    void writersBeyondThePoolSizeAllCommitAndAllTheirEventsArePublished() throws Exception {
        int writers = poolSize * 4;
        String batch = "load-" + System.nanoTime();
        List<Reply> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < writers; i++) {
                    String body = "{\"name\":\"" + batch + "\",\"quantity\":1}";
                    futures.add(pool.submit(() -> post("/api/v1/widgets", body)));
                }
            }
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        Set<String> ids = new HashSet<>();
        replies.forEach(reply -> ids.add(reply.json().get("id").asString()));
        assertThat(ids).hasSize(writers * 3);

        Set<String> published = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            kafka().read(WidgetApp.TOPIC, r -> false, Duration.ofSeconds(3)).stream()
                    .filter(r -> ids.contains(r.key())).forEach(r -> published.add(r.key()));
            assertThat(published).containsExactlyInAnyOrderElementsOf(ids);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox().incomplete(batch)).isZero());
    }
}
