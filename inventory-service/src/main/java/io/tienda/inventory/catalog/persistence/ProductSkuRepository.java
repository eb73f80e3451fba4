package io.tienda.inventory.catalog.persistence;

import io.tienda.inventory.catalog.domain.ProductSkus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

@Repository
public class ProductSkuRepository implements ProductSkus {

    private final JdbcClient jdbc;

    ProductSkuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> replace(String productId, Collection<String> skus) {
        Set<String> now = new TreeSet<>(skus);
        if (now.isEmpty()) {
            jdbc.sql("delete from product_skus where product_id = :product").param("product", productId).update();
            return Set.of();
        }
        jdbc.sql("delete from product_skus where product_id = :product and sku not in (:skus)")
                .param("product", productId).param("skus", now).update();
        Set<String> added = new TreeSet<>();
        for (String sku : now) {
            if (jdbc.sql("""
                            insert into product_skus (product_id, sku) values (:product, :sku)
                            on conflict (product_id, sku) do nothing""")
                    .param("product", productId).param("sku", sku).update() == 1) {
                added.add(sku);
            }
        }
        return added;
    }
}
