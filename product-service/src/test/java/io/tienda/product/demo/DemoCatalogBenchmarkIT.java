package io.tienda.product.demo;

import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a benchmark-size demo catalog takes to load, stored and announced, printed rather than
 * asserted. On demand only:
 * {@code ./mvnw -pl product-service verify -Dit.test=DemoCatalogBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dproducts.bench.size=100000}
 */
@EnabledIfSystemProperty(named = "products.bench.size", matches = "\\d+")
class DemoCatalogBenchmarkIT extends ProductServiceIT {

    @Autowired
    DemoCatalog demo;

    @AfterEach
    void empty() {
        clear("products", "categories", "brands");
    }

    @Test
    void loadsABenchmarkCatalog() {
        clear("products", "categories", "brands");
        int size = Integer.getInteger("products.bench.size");

        DemoCatalog.Result first = demo.load(size);
        DemoCatalog.Result second = demo.load(size);

        System.out.printf("%n== demo catalog of %d products: first load %d ms (%d curated, %d generated), "
                + "second load %d ms ==%n", size, first.took().toMillis(), first.curated(), first.generated(),
                second.took().toMillis());
        assertThat(mongo.getCollection("products").countDocuments()).isEqualTo(size);
        assertThat(second.generated() + second.curated()).isZero();
        assertThat(mongo.getCollection("products").countDocuments(new Document(MongoOutbox.FIELD + ".0",
                new Document("$exists", true)))).isZero();
    }
}
