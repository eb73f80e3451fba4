package io.tienda.inventory.catalog;

import io.tienda.inventory.catalog.domain.DemoStock;
import io.tienda.inventory.support.Fixtures;
import io.tienda.inventory.support.Fixtures.Level;
import io.tienda.inventory.support.InventoryIT;
import io.tienda.platform.events.Envelope;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.testing.messaging.EventMessages.Published;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The catalog's SKUs reach inventory through product.events; a local fleet also gets demo stock. */
class CatalogIT extends InventoryIT {

    @Autowired
    CatalogSkus catalog;

    String product;

    @BeforeEach
    void setUp() {
        product = "p-" + UUID.randomUUID();
    }

    static ProductCreated created(String productId, List<String> skus) {
        return new ProductCreated(productId, "slug-" + productId, "Camiseta", "cat-1", null, skus,
                new Money(1999, "EUR"), true);
    }

    @Test
    void aNewProductsSkusAreRegisteredInTheDefaultWarehouseWithDemoStock() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            skus.add(Fixtures.sku("CAT"));
        }

        messages().send(Topics.PRODUCT_EVENTS, product, created(product, skus));

        await().atMost(Duration.ofSeconds(30)).until(() -> registered(skus) == skus.size());
        for (String sku : skus) {
            DemoStock.Plan plan = DemoStock.plan(sku);
            JsonNode row = api.get("/api/v1/inventory?sku=" + sku, fixtures.manager()).expect(200).json()
                    .get("items").get(0);
            assertThat(row.get("warehouse").asString()).isEqualTo("MAD-1");
            assertThat(row.get("onHand").asInt()).isEqualTo(plan.quantity());
            assertThat(row.get("reorderPoint").asInt()).isEqualTo(DemoStock.REORDER_POINT);
            assertThat(row.get("reorderQuantity").asInt()).isEqualTo(DemoStock.REORDER_QUANTITY);
            assertThat(fixtures.ledger(sku, Fixtures.MADRID)).isEqualTo(new Level(plan.quantity(), 0));
            if (plan.quantity() > 0) {
                JsonNode movement = api.get("/api/v1/inventory/" + sku + "/movements", fixtures.manager())
                        .json().get("items").get(0);
                assertThat(movement.get("kind").asString()).isEqualTo("RECEIPT");
                assertThat(movement.get("reference").asString()).isEqualTo("demo-stock");
                assertThat(movement.get("actor").asString()).isEqualTo("inventory-service");
                assertThat(messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 1).get(0).json()
                        .get("available").asInt()).isEqualTo(plan.quantity());
            }
        }
    }

    @Test
    void aRedeliveredEventRegistersNothingTwice() {
        String sku = Fixtures.sku("CAT");
        UUID eventId = UUID.randomUUID();
        String body = EventJson.write(created(product, List.of(sku)));
        messages().send(Topics.PRODUCT_EVENTS, product, eventId, "product.created", body);
        messages().send(Topics.PRODUCT_EVENTS, product, eventId, "product.created", body);
        String marker = Fixtures.sku("MARK");
        messages().send(Topics.PRODUCT_EVENTS, product, created(product, List.of(marker)));

        await().atMost(Duration.ofSeconds(30)).until(() -> registered(List.of(marker)) == 1);
        assertThat(jdbc.sql("select count(*) from stock_movements where sku = :sku").param("sku", sku)
                .query(Integer.class).single()).isLessThanOrEqualTo(1);
        assertThat(fixtures.level(sku, Fixtures.MADRID).onHand()).isEqualTo(DemoStock.plan(sku).quantity());
    }

    @Test
    void anUpdatedProductRegistersOnlyItsNewSkusAndLeavesStockedOnesAlone() {
        String old = Fixtures.sku("CAT");
        String stockedElsewhere = Fixtures.sku("CAT");
        String added = Fixtures.sku("CAT");
        fixtures.barcelona();
        fixtures.receive(stockedElsewhere, Fixtures.BARCELONA, 4);
        messages().send(Topics.PRODUCT_EVENTS, product, created(product, List.of(old)));
        await().atMost(Duration.ofSeconds(30)).until(() -> registered(List.of(old)) == 1);
        fixtures.receive(old, Fixtures.MADRID, 1);

        messages().send(Topics.PRODUCT_EVENTS, product, new ProductUpdated(product, "slug", "Camiseta", "cat-1", null,
                List.of(old, stockedElsewhere, added), new Money(1999, "EUR"), true));

        await().atMost(Duration.ofSeconds(30)).until(() -> registered(List.of(added)) == 1);
        assertThat(fixtures.level(old, Fixtures.MADRID).onHand()).isEqualTo(DemoStock.plan(old).quantity() + 1);
        assertThat(registered(List.of(stockedElsewhere))).as("no row in Madrid").isZero();
        assertThat(fixtures.level(stockedElsewhere, Fixtures.BARCELONA).onHand()).isEqualTo(4);

        // The catalog dropped the receipt's event while no product had the SKU: the product now naming
        // it gets its availability again, under a newer version; the SKU it already had gets nothing.
        List<Published> republished = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed",
                stockedElsewhere, 2);
        assertThat(republished.get(1).json().get("available").asInt()).isEqualTo(4);
        assertThat(republished.get(1).json().get("inStock").asBoolean()).isTrue();
        assertThat(republished.get(1).json().get("version").asLong())
                .isGreaterThan(republished.get(0).json().get("version").asLong());
        assertThat(stockChanges(stockedElsewhere)).hasSize(2);
        int receipts = DemoStock.plan(old).quantity() > 0 ? 2 : 1;
        messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", old, receipts);
        assertThat(stockChanges(old)).as("a receipt of demo stock, if any, and the staff receipt").hasSize(receipts);
    }

    @Test
    void stockReceivedBeforeItsProductIsPublishedAgainOnceWhenTheProductArrives() {
        String sku = Fixtures.sku("NEW");
        fixtures.receive(sku, Fixtures.MADRID, 24);
        JsonNode received = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 1).get(0).json();
        assertThat(received.get("available").asInt()).isEqualTo(24);

        UUID eventId = UUID.randomUUID();
        String body = EventJson.write(created(product, List.of(sku)));
        messages().send(Topics.PRODUCT_EVENTS, product, eventId, "product.created", body);
        messages().send(Topics.PRODUCT_EVENTS, product, eventId, "product.created", body);
        // The product's SKU again, beside a new one: once the new one is registered, the events before
        // it on the product's partition have been handled too.
        String marker = Fixtures.sku("MARK");
        messages().send(Topics.PRODUCT_EVENTS, product, new ProductUpdated(product, "slug", "Camiseta", "cat-1", null,
                List.of(sku, marker), new Money(1999, "EUR"), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> registered(List.of(marker)) == 1);

        JsonNode again = messages().await(Topics.INVENTORY_EVENTS, "inventory.stock_changed", sku, 2).get(1).json();
        assertThat(again.get("sku").asString()).isEqualTo(sku);
        assertThat(again.get("available").asInt()).isEqualTo(24);
        assertThat(again.get("inStock").asBoolean()).isTrue();
        assertThat(again.get("version").asLong()).isGreaterThan(received.get("version").asLong());
        assertThat(stockChanges(sku)).as("the receipt's, then one for the product, however often it came")
                .hasSize(2);
        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Level(24, 0));
        assertThat(fixtures.movements(sku, "RECEIPT")).isEqualTo(1);
    }

    @Test
    void otherProductFactsAreIgnored() {
        String sku = Fixtures.sku("CAT");
        messages().send(Topics.PRODUCT_EVENTS, product, new ProductDeleted(product, List.of(sku)));
        String marker = Fixtures.sku("MARK");
        messages().send(Topics.PRODUCT_EVENTS, product, created(product, List.of(marker)));

        await().atMost(Duration.ofSeconds(30)).until(() -> registered(List.of(marker)) == 1);
        assertThat(registered(List.of(sku))).isZero();
    }

    @Test
    void withoutDemoStockANewSkuIsRegisteredEmpty() {
        String sku = Fixtures.sku("CAT");

        assertThat(catalog.register(product, List.of(sku, "bad sku"), false)).containsExactly(sku);
        assertThat(catalog.register(product, List.of(sku), false)).isEmpty();

        assertThat(fixtures.level(sku, Fixtures.MADRID)).isEqualTo(new Level(0, 0));
        assertThat(fixtures.movements(sku, "RECEIPT")).isZero();
        assertThat(api.get("/api/v1/inventory/" + sku, null).json().get("inStock").asBoolean()).isFalse();
        assertThat(Envelope.typeOf(ProductCreated.class)).isEqualTo("product.created");
    }

    /** Every {@code inventory.stock_changed} of the SKU on Kafka so far. */
    private List<Published> stockChanges(String sku) {
        return messages().all(Topics.INVENTORY_EVENTS, sku).stream()
                .filter(p -> p.type().equals("inventory.stock_changed")).toList();
    }

    private int registered(List<String> skus) {
        return jdbc.sql("""
                        select count(*) from stock s join warehouses w on w.id = s.warehouse_id
                         where w.code = 'MAD-1' and s.sku in (:skus)""")
                .param("skus", skus).query(Integer.class).single();
    }
}
