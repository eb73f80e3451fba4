package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.search.domain.StockUpdate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The product as the index stores it, so hits are answered without a trip to MongoDB and stock
 * updates can be applied to what is indexed. Stored as JSON of the catalog's own record, with what
 * search never shows (SEO texts, images after the first) left out. Stock is changed on the JSON
 * rather than through constructors, so the catalog's model can grow without this class changing.
 */
final class StoredProducts {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredProducts() {
    }

    static ObjectNode tree(Product product) {
        ObjectNode tree = JSON.valueToTree(product);
        tree.remove("seo");
        JsonNode images = tree.get("images");
        if (images instanceof ArrayNode list) {
            while (list.size() > 1) {
                list.remove(list.size() - 1);
            }
        }
        return tree;
    }

    static ObjectNode tree(byte[] stored) {
        return (ObjectNode) JSON.readTree(stored);
    }

    static byte[] bytes(ObjectNode tree) {
        return JSON.writeValueAsBytes(tree);
    }

    static Product product(ObjectNode tree) {
        return JSON.treeToValue(tree, Product.class);
    }

    static Product product(byte[] stored) {
        return JSON.readValue(stored, Product.class);
    }

    static String id(ObjectNode tree) {
        return tree.get("id").asString();
    }

    /** Applies the update to the variant with its SKU when it is newer than what is stored; true when it was. */
    static boolean applyStock(ObjectNode product, StockUpdate update) {
        for (JsonNode variant : product.path("variants")) {
            if (update.sku().equals(variant.path("sku").asString(null))) {
                if (update.version() <= stockVersion(variant)) {
                    return false;
                }
                ObjectNode stock = ((ObjectNode) variant).putObject("stock");
                stock.put("available", update.available());
                stock.put("version", update.version());
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps, per SKU, the newer of the stock a fresh read of MongoDB carries and the stock the index
     * already has: the index may have heard from inventory before the catalog's own projection did.
     */
    static void keepNewerStock(ObjectNode fresh, ObjectNode indexed) {
        Map<String, JsonNode> known = new HashMap<>();
        for (JsonNode variant : indexed.path("variants")) {
            known.put(variant.path("sku").asString(""), variant.path("stock"));
        }
        for (JsonNode variant : fresh.path("variants")) {
            JsonNode older = known.get(variant.path("sku").asString(""));
            if (older != null && older.isObject() && older.path("version").asLong(-1) > stockVersion(variant)) {
                ((ObjectNode) variant).set("stock", older.deepCopy());
            }
        }
    }

    private static long stockVersion(JsonNode variant) {
        return variant.path("stock").path("version").asLong(-1);
    }
}
