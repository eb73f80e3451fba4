package io.tienda.product.stock;

import io.tienda.platform.events.Topics;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * inventory.events → each variant's stock and the product's inStock, newest version wins, as the
 * list's inStock filter sees it; nothing is announced for it.
 */
class StockProjectionIT extends ProductServiceIT {

    private String sku;
    private String id;
    private String audio;

    @BeforeEach
    void product() {
        clear("categories");
        audio = category("audio", null, 1);
        sku = skuPrefix();
        id = api.post("/api/v1/products", MANAGER,
                draft("Auriculares Nilo " + sku, audio, null, 5999, sku + "-1", sku + "-2"))
                .expect(201).json().get("id").asString();
    }

    @Test
    void keepsTheNewestStockOfEachVariantAndWhetherTheProductIsInStock() {
        stockChanged(sku + "-1", 5, 3);
        awaitStock(sku + "-1", 5, 3);
        assertThat(stored().getBoolean("inStock")).isTrue();
        assertThat(listed("inStock=true")).contains(id);
        assertThat(listed("inStock=false")).doesNotContain(id);

        // a late, older message changes nothing; neither does a redelivery
        stockChanged(sku + "-1", 99, 2);
        stockChanged(sku + "-1", 5, 3);
        stockChanged(sku + "-2", 0, 1);
        awaitStock(sku + "-2", 0, 1);
        assertThat(variantStock(sku + "-1")).isEqualTo(new Document("available", 5).append("version", 3L));

        stockChanged(sku + "-1", 0, 4);
        awaitStock(sku + "-1", 0, 4);
        assertThat(stored().getBoolean("inStock")).isFalse();
        assertThat(listed("inStock=false")).contains(id);
        assertThat(api.get("/api/v1/products/" + id).json().get("variants").get(0).get("inStock").asBoolean())
                .isFalse();
        assertThat(stored().getLong("version")).as("stock is not an edit").isEqualTo(1);
    }

    @Test
    void ignoresUnknownSkusAndOtherInventoryEvents() {
        // one key, so one partition and one order: once the last is applied, the others were handled
        String key = sku + "-2";
        sender.send(messages.create(Topics.INVENTORY_EVENTS, key, new LowStock(sku + "-1", "MAD", 1, 1, 5, 10)));
        sender.send(messages.create(Topics.INVENTORY_EVENTS, key,
                new StockChanged("NO-SUCH-SKU-" + sku, 7, true, 1)));
        stockChanged(sku + "-2", 8, 1);

        awaitStock(sku + "-2", 8, 1);
        assertThat(variantStock(sku + "-1")).isEqualTo(new Document("available", 0).append("version", -1L));
    }

    @Test
    void leavesADeletedProductAlone() {
        api.delete("/api/v1/products/" + id, ADMIN).expect(204);
        String live = api.post("/api/v1/products", MANAGER, draft("Altavoz Nilo " + sku, audio, null, 2999, sku + "-3"))
                .expect(201).json().get("id").asString();

        // one key, so one partition and one order: once the live product's stock is in, the other was handled
        String key = sku + "-3";
        sender.send(messages.create(Topics.INVENTORY_EVENTS, key, new StockChanged(sku + "-1", 7, true, 1)));
        sender.send(messages.create(Topics.INVENTORY_EVENTS, key, new StockChanged(sku + "-3", 4, true, 1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                mongo.findById(live, Document.class, "products").getBoolean("inStock")).isTrue());
        assertThat(variantStock(sku + "-1")).isEqualTo(new Document("available", 0).append("version", -1L));
        assertThat(stored().getBoolean("inStock")).isFalse();
    }

    @Test
    void announcesNothingForStock() {
        stockChanged(sku + "-1", 3, 1);
        awaitStock(sku + "-1", 3, 1);

        List<Published> events = productEventsWithin(id, Duration.ofSeconds(3));
        assertThat(events).extracting(Published::type).containsExactly("product.created");
    }

    private void stockChanged(String sku, int available, long version) {
        OutboundMessage message = messages.create(Topics.INVENTORY_EVENTS, sku,
                new StockChanged(sku, available, available > 0, version));
        CONTRACTS.requireValid(message.type(), message.payload());
        sender.send(message);
    }

    private void awaitStock(String sku, int available, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(variantStock(sku))
                .isEqualTo(new Document("available", available).append("version", version)));
    }

    private Document stored() {
        return mongo.findById(id, Document.class, "products");
    }

    private Document variantStock(String sku) {
        return stored().getList("variants", Document.class).stream().filter(v -> sku.equals(v.getString("sku")))
                .findFirst().orElseThrow().get("stock", Document.class);
    }

    private List<String> listed(String query) {
        List<String> ids = new java.util.ArrayList<>();
        api.get("/api/v1/products?size=100&" + query).expect(200).json().get("items")
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
