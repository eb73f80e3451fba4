package io.tienda.product.offer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Catalog data for the offer, pricing and review tests, written as the catalog stores it. Ids are
 * random, so tests never see each other's products or categories.
 */
public final class TestCatalog {

    private final MongoTemplate mongo;

    public TestCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A category under {@code parent} (null for a root); returns its id. */
    public String category(String parent, String slug) {
        String id = "cat-" + UUID.randomUUID();
        String parentPath = parent == null ? "" : mongo.findById(parent, Document.class, "categories").getString("path");
        String unique = slug + "-" + id.substring(4, 12);
        mongo.insert(new Document("_id", id).append("slug", unique)
                .append("name", new Document("es", slug).append("en", slug))
                .append("parentId", parent).append("path", parentPath + "/" + unique).append("sortOrder", 0),
                "categories");
        return id;
    }

    /** Builds a product; {@link Builder#save()} stores it. */
    public Builder product(String categoryId, long cents) {
        return new Builder(categoryId, cents);
    }

    public final class Builder {

        private final String id = UUID.randomUUID().toString();
        private final String categoryId;
        private final long cents;
        private final Map<String, Long> variants = new LinkedHashMap<>();
        private boolean active = true;
        private String currency = "EUR";

        private Builder(String categoryId, long cents) {
            this.categoryId = categoryId;
            this.cents = cents;
        }

        /** A variant at the product's price. */
        public Builder sku(String sku) {
            variants.put(sku, null);
            return this;
        }

        /** A variant with a price of its own. */
        public Builder sku(String sku, long variantCents) {
            variants.put(sku, variantCents);
            return this;
        }

        public Builder inactive() {
            active = false;
            return this;
        }

        public Builder currency(String code) {
            currency = code;
            return this;
        }

        /** Stores the product and returns its id. */
        public String save() {
            Instant now = Instant.now();
            List<Document> stored = new ArrayList<>();
            variants.forEach((sku, price) -> {
                Document variant = new Document("sku", sku).append("attributes", new Document("size", "M"))
                        .append("stock", new Document("available", 5).append("version", 1L));
                if (price != null) {
                    variant.append("price", new Document("amount", price).append("currency", currency));
                }
                stored.add(variant);
            });
            mongo.insert(new Document("_id", id)
                    .append("slug", "p-" + id)
                    .append("name", new Document("es", "Producto " + id.substring(0, 8))
                            .append("en", "Product " + id.substring(0, 8)))
                    .append("description", new Document("es", "Descripción").append("en", "Description"))
                    .append("categoryId", categoryId)
                    .append("brand", new Document("id", "brand-1").append("slug", "acme").append("name", "Acme"))
                    .append("price", new Document("amount", cents).append("currency", currency))
                    .append("images", List.of())
                    .append("variants", stored)
                    .append("active", active)
                    .append("featured", false)
                    .append("rating", new Document("average", 0.0).append("count", 0))
                    .append("inStock", true)
                    .append("fromPrice", cents)
                    .append("createdAt", Date.from(now))
                    .append("updatedAt", Date.from(now))
                    .append("version", 0L)
                    .append("deleted", false)
                    .append("stockRevision", 0L), "products");
            return id;
        }
    }

    /** A SKU no other test uses. */
    public static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
