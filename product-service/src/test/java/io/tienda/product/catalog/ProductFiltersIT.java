package io.tienda.product.catalog;

import io.tienda.product.ProductServiceIT;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.catalog.domain.StockState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's filters, alone and composed, and every sort, over products created as staff create them. */
class ProductFiltersIT extends ProductServiceIT {

    @Autowired
    ProductStore store;

    @Autowired
    ProductCatalog catalog;

    private final Map<String, String> ids = new java.util.HashMap<>();

    @BeforeEach
    void catalog() {
        clear("products", "categories", "brands");
        String electronics = category("electronica", null, 1);
        String audio = category("audio", electronics, 1);
        String headphones = category("auriculares", audio, 1);
        String home = category("hogar", null, 2);
        String sonora = brand("sonora", "Sonora");
        String vektor = brand("vektor", "Vektor");
        String p = skuPrefix();

        create("A", draft("Auriculares A", headphones, sonora, 5000, p + "A-M-NEGRO", p + "A-L-ROJO"));
        create("B", with(draft("Altavoz B", audio, sonora, 8000, p + "B-M-ROJO"), "featured", true));
        create("C", draft("Radio C", electronics, vektor, 3000, p + "C-S-ROJO"));
        create("D", draft("Lámpara D", home, sonora, 2000, p + "D-M-ROJO"));
        create("E", draft("Auriculares E", headphones, sonora, 12000, p + "E-M-ROJO"));
        create("F", with(draft("Altavoz F", audio, sonora, 6000, p + "F-M-ROJO"), "active", false));

        for (String inStock : List.of(p + "A-M-NEGRO", p + "B-M-ROJO", p + "C-S-ROJO", p + "D-M-ROJO", p + "F-M-ROJO")) {
            assertThat(store.applyStock(inStock, new StockState(4, 1))).isEqualTo(ProductStore.StockUpdate.APPLIED);
        }
        assertThat(store.applyStock(p + "E-M-ROJO", new StockState(0, 1))).isEqualTo(ProductStore.StockUpdate.APPLIED);
        catalog.rate(ids.get("A"), () -> new Rating(4.0, 10));
        catalog.rate(ids.get("B"), () -> new Rating(4.8, 2));
        catalog.rate(ids.get("E"), () -> new Rating(4.0, 3));
    }

    @Test
    void composesCategorySubtreeBrandPriceAttributesAndStock() {
        assertThat(names("category=electronica&brand=sonora&minPrice=4000&maxPrice=10000&attr.color=rojo"
                + "&attr.talla=M&inStock=true")).containsExactly("B");
        // both attributes must hold for one variant: A has a red one and a medium one, not a red medium one
        assertThat(names("category=electronica&attr.color=rojo&attr.talla=m")).containsExactlyInAnyOrder("B", "E");
        assertThat(names("category=electronica&brand=sonora&minPrice=4000&maxPrice=10000"))
                .containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void filtersOneByOne() {
        assertThat(names("category=electronica")).containsExactlyInAnyOrder("A", "B", "C", "E");
        assertThat(names("category=audio")).containsExactlyInAnyOrder("A", "B", "E");
        assertThat(names("category=auriculares")).containsExactlyInAnyOrder("A", "E");
        assertThat(names("category=no-such-category")).isEmpty();
        assertThat(names("brand=vektor")).containsExactly("C");
        assertThat(names("brand=no-such-brand")).isEmpty();
        assertThat(names("minPrice=5000")).containsExactlyInAnyOrder("A", "B", "E");
        assertThat(names("maxPrice=3000")).containsExactlyInAnyOrder("C", "D");
        assertThat(names("attr.color=NEGRO")).containsExactly("A");
        assertThat(names("attr.color=roj")).as("values match whole, not in part").isEmpty();
        assertThat(names("featured=true")).containsExactly("B");
        assertThat(names("featured=false")).containsExactlyInAnyOrder("A", "C", "D", "E");
        assertThat(names("inStock=false")).containsExactly("E");
        assertThat(names("inStock=true")).containsExactlyInAnyOrder("A", "B", "C", "D");
    }

    @Test
    void sortsByPriceNewnessAndRating() {
        assertThat(names("category=electronica&sort=price_asc")).containsExactly("C", "A", "B", "E");
        assertThat(names("category=electronica&sort=price_desc")).containsExactly("E", "B", "A", "C");
        assertThat(names("category=electronica&sort=newest")).containsExactly("E", "C", "B", "A");
        assertThat(names("category=electronica")).containsExactly("E", "C", "B", "A");
        assertThat(names("category=electronica&sort=rating")).containsExactly("B", "A", "E", "C");
        assertThat(names("category=electronica&sort=PRICE_ASC&size=2&page=1")).containsExactly("B", "E");
    }

    @Test
    void staffSeeInactiveProductsInFilteredListsToo() {
        List<String> all = new ArrayList<>();
        api.get("/api/v1/products?category=audio&includeInactive=true", MANAGER).expect(200).json().get("items")
                .forEach(item -> all.add(item.get("name").get("es").asString().substring(
                        item.get("name").get("es").asString().length() - 1)));
        assertThat(all).containsExactlyInAnyOrder("A", "B", "E", "F");
    }

    private void create(String key, Map<String, Object> draft) {
        ids.put(key, api.post("/api/v1/products", MANAGER, draft).expect(201).json().get("id").asString());
    }

    /** The products listed, by the letter their name ends with. */
    private List<String> names(String query) {
        List<String> names = new ArrayList<>();
        String sized = query.contains("size=") ? query : "size=100&" + query;
        api.get("/api/v1/products?" + sized).expect(200).json().get("items").forEach(item -> {
            String name = item.get("name").get("es").asString();
            names.add(name.substring(name.length() - 1));
        });
        return names;
    }
}
