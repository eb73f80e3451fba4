package io.tienda.product.category;

import io.tienda.product.ProductServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryListIT extends ProductServiceIT {

    @BeforeEach
    void tree() {
        clear("categories");
        mongo.insert(category("c-home", "home", "Home", null, "/home", 2), "categories");
        mongo.insert(category("c-elec", "electronics", "Electronics", null, "/electronics", 1), "categories");
        mongo.insert(category("c-tv", "tv", "TV", "c-elec", "/electronics/tv", 2), "categories");
        mongo.insert(category("c-phones", "phones", "Phones", "c-elec", "/electronics/phones", 1), "categories");
        mongo.insert(category("c-lamps", "lamps", "Lamps", "c-home", "/home/lamps", 1), "categories");
    }

    @Test
    void listsTheTreeInMenuOrderWithoutAToken() {
        http.get().uri("/api/v1/categories").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(5)
                .jsonPath("$.items[*].slug").isEqualTo(java.util.List.of("electronics", "phones", "tv", "home", "lamps"))
                .jsonPath("$.items[1].parentId").isEqualTo("c-elec")
                .jsonPath("$.items[1].path").isEqualTo("/electronics/phones")
                .jsonPath("$.items[1].depth").isEqualTo(1)
                .jsonPath("$.items[0].depth").isEqualTo(0)
                .jsonPath("$.items[0].name.es").isEqualTo("Electronics");
    }

    @Test
    void slugsAreUnique() {
        assertThatThrownBy(() -> mongo.insert(category("c-x", "tv", "Television", null, "/tv", 3), "categories"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static Document category(String id, String slug, String name, String parentId, String path, int order) {
        return new Document("_id", id).append("slug", slug).append("name", new Document("es", name).append("en", name)).append("parentId", parentId)
                .append("path", path).append("sortOrder", order);
    }
}
