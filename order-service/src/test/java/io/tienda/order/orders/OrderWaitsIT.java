package io.tienda.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.order.support.OrderIT;
import io.tienda.order.support.Stubs.Line;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads of an order that wait for it to change: If-None-Match with {@code Prefer: wait} (RFC 7240). */
class OrderWaitsIT extends OrderIT {

    private static final Line MUG = new Line("MUG-1", 1, 1_500);

    @Autowired
    private OrderChanges changes;

    @Autowired
    private MeterRegistry meters;

    private String token;

    @BeforeEach
    void shopper() {
        token = TestTokens.customer(TestTokens.newCustomer());
        stubs.cart(token, MUG);
    }

    @Test
    void aCheckoutPageLearnsOfEachChangeAsItIsStoredWithoutPolling() {
        UUID id = place(token, checkout("pm_card_visa"));
        ApiReply placed = read(id, Map.of()).expect(200);
        assertThat(placed.json().get("status").asString()).isEqualTo("PENDING");
        String tag = placed.headers().getETag();
        assertThat(tag).isEqualTo("\"0\"");

        // the page waits, longer than the service allows, while the saga runs
        CompletableFuture<ApiReply> waiting = CompletableFuture.supplyAsync(
                () -> read(id, Map.of("If-None-Match", tag, "Prefer", "wait=600")));
        await().until(() -> changes.waiting() > 0);
        double wokenByCommits = waits("changed", "commit");
        completeCheckout(id, MUG);

        ApiReply changed = waiting.join().expect(200);
        assertThat(changed.headers().getFirst("Preference-Applied")).as("the most it waits").isEqualTo("wait=5");
        assertThat(changed.headers().getETag()).isNotEqualTo(tag);
        assertThat(waits("changed", "commit")).as("woken by the saga's commit here, not found later")
                .isGreaterThan(wokenByCommits);
        // and so on until the order is final: one read per stored change, none in between
        List<String> seen = new ArrayList<>(List.of(changed.json().get("status").asString()));
        String latest = changed.headers().getETag();
        while (!seen.get(seen.size() - 1).equals("CONFIRMED")) {
            ApiReply next = read(id, Map.of("If-None-Match", latest, "Prefer", "wait=5"));
            if (next.status() == 200) {
                seen.add(next.json().get("status").asString());
                latest = next.headers().getETag();
            }
            assertThat(seen).as("reads answered 200").hasSizeLessThan(10);
        }
        assertThat(latest).isEqualTo("\"" + version(id) + "\"");
        await().until(() -> changes.waiting() == 0);
    }

    @Test
    void anUnchangedOrderIsA304OnceTheWaitIsUpOrAtOnceWithoutAWait() {
        UUID id = completedOrder(token, MUG);
        String tag = read(id, Map.of()).expect(200).headers().getETag();
        double unchanged = waits("unchanged", "none");

        ApiReply waited = read(id, Map.of("If-None-Match", tag, "Prefer", "wait=1")).expect(304);
        assertThat(waits("unchanged", "none")).isEqualTo(unchanged + 1);
        assertThat(waited.body()).isNullOrEmpty();
        assertThat(waited.headers().getETag()).isEqualTo(tag);
        assertThat(waited.headers().getFirst("Preference-Applied")).isEqualTo("wait=1");

        ApiReply revalidated = read(id, Map.of("If-None-Match", tag)).expect(304);
        assertThat(revalidated.headers().getFirst("Preference-Applied")).isNull();
        assertThat(changes.waiting()).isZero();
    }

    @Test
    void aReadWhoseTagIsAlreadyOutdatedIsAnsweredAtOnce() {
        UUID id = completedOrder(token, MUG);

        ApiReply answer = read(id, Map.of("If-None-Match", "\"0\"", "Prefer", "wait=5")).expect(200);

        assertThat(answer.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(answer.headers().getFirst("Preference-Applied")).isNull();
    }

    @Test
    void aChangeStoredByAnotherInstanceWakesTheReadWithinTheSweep() {
        UUID id = completedOrder(token, MUG);
        String tag = read(id, Map.of()).expect(200).headers().getETag();
        CompletableFuture<ApiReply> waiting = CompletableFuture.supplyAsync(
                () -> read(id, Map.of("If-None-Match", tag, "Prefer", "wait=5")));
        await().until(() -> changes.waiting() > 0);

        // what another instance's shipment would leave in the table, without this instance knowing
        double foundBySweeps = waits("changed", "sweep");
        jdbc.sql("update orders set status = 'SHIPPED', carrier = 'SEUR', tracking_number = 'T-1', "
                + "shipped_at = now(), version = version + 1 where id = :id").param("id", id).update();

        ApiReply changed = waiting.join().expect(200);
        assertThat(changed.json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(changed.headers().getETag()).isEqualTo("\"" + version(id) + "\"");
        assertThat(waits("changed", "sweep")).isGreaterThan(foundBySweeps);
    }

    @Test
    void aWaitItCannotReadIsIgnoredAndNobodyWaitsOnSomeoneElsesOrder() {
        UUID id = completedOrder(token, MUG);
        String tag = read(id, Map.of()).expect(200).headers().getETag();

        for (String prefer : List.of("wait=abc", "wait=-1", "wait=0", "wait=1.5", "wait", "return=minimal")) {
            ApiReply answer = read(id, Map.of("If-None-Match", tag, "Prefer", prefer)).expect(304);
            assertThat(answer.headers().getFirst("Preference-Applied")).as(prefer).isNull();
        }
        api.send(HttpMethod.GET, "/api/v1/orders/" + id, TestTokens.customer(TestTokens.newCustomer()), null,
                Map.of("If-None-Match", tag, "Prefer", "wait=5")).expectProblem(404, "not-found");
        assertThat(changes.waiting()).isZero();
    }

    private double waits(String outcome, String wokenBy) {
        Counter counter = meters.find("orders.waits").tag("outcome", outcome).tag("woken_by", wokenBy).counter();
        return counter == null ? 0 : counter.count();
    }

    private ApiReply read(UUID id, Map<String, String> headers) {
        return api.send(HttpMethod.GET, "/api/v1/orders/" + id, token, null, headers);
    }

    private long version(UUID id) {
        return jdbc.sql("select version from orders where id = :id").param("id", id).query(Long.class).single();
    }
}
