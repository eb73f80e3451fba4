package io.tienda.product;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.kafka.core.KafkaAdmin;

import static io.tienda.platform.testing.ServiceChecks.expectDocumented;
import static io.tienda.platform.testing.ServiceChecks.expectReady;
import static org.assertj.core.api.Assertions.assertThat;

class ReadinessIT extends ProductServiceIT {

    @Test
    void readinessReportsMongoUp() {
        expectReady(http, "mongo");
    }

    @Test
    void createsTheCollectionsAndIndexesAtStart() {
        assertThat(mongo.getCollectionNames()).contains("products", "categories", "brands", "offers");
        assertThat(mongo.indexOps("products").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("slug_unique", "variant_sku_unique", "category", "active_newest", "brand_slug", "brand_id",
                        "active_price", "active_rating");
        assertThat(mongo.indexOps("categories").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("slug_unique", "parent", "path");
        assertThat(mongo.indexOps("brands").getIndexInfo()).extracting(IndexInfo::getName).contains("slug_unique");
        assertThat(mongo.indexOps("offers").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("active_window", "coupon_unique");
    }

    @Test
    void createsItsTopicAndDeadLetterTopicAtStart(@Autowired KafkaAdmin kafka) {
        assertThat(kafka.describeTopics("product.events", "product.events.DLT")).containsOnlyKeys("product.events", "product.events.DLT");
    }

    @Test
    void servesItsApiDescription() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/products'].get.summary").isEqualTo("List products on sale")
                .jsonPath("$.paths['/api/v1/products'].post.summary").exists()
                .jsonPath("$.paths['/api/v1/products/{id}'].put.summary").exists()
                .jsonPath("$.paths['/api/v1/products/{id}'].delete.summary").exists()
                .jsonPath("$.paths['/api/v1/search/products']").exists();
        expectDocumented(http, "/api/v1/products", "/api/v1/products/{idOrSlug}", "/api/v1/categories",
                "/api/v1/categories/{slug}", "/api/v1/brands", "/api/v1/brands/{slug}");
    }
}
