package io.tienda.product.recommendation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductQuery;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import io.tienda.product.recommendation.domain.Picks;
import io.tienda.product.recommendation.domain.Recommendation;
import io.tienda.product.recommendation.domain.Recommendation.Reason;
import io.tienda.product.review.domain.Purchases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "You may also like" for a product page: first what customers who bought the product also bought,
 * then the best rated of its category, then of the categories beside it (its parent's subtree), then
 * of its brand, only ever products on sale and in stock.
 * What customers bought is learnt from {@code order.confirmed} (the purchases reviews verify against);
 * a product shared by fewer than {@code min-buyers} customers is never shown as bought together, so a
 * recommendation cannot tell what one customer bought.
 * <p>
 * A product page is the most read page of a shop and its recommendations take four to seven queries,
 * one an aggregation over the purchases of the product's latest buyers, so each answer is kept for
 * {@code cache-ttl} (the {@code max-age} the answer is public for anyway); zero keeps none.
 */
@Service
public class ProductRecommendations {

    private final ProductCatalog catalog;
    private final Categories categories;
    private final Purchases purchases;
    private final int minBuyers;
    private final int buyersScanned;
    private final Cache<Key, List<Recommendation>> answers;

    ProductRecommendations(ProductCatalog catalog, Categories categories, Purchases purchases,
            @Value("${tienda.products.recommendations.min-buyers:2}") int minBuyers,
            @Value("${tienda.products.recommendations.buyers-scanned:1000}") int buyersScanned,
            @Value("${tienda.products.recommendations.cache-ttl:60s}") Duration cacheTtl,
            @Value("${tienda.products.recommendations.cache-size:10000}") long cacheSize) {
        if (minBuyers < 1 || buyersScanned < 1 || cacheTtl.isNegative() || cacheSize < 0) {
            throw new IllegalArgumentException("tienda.products.recommendations: min-buyers and buyers-scanned "
                    + "must be at least 1, cache-ttl and cache-size not negative");
        }
        this.catalog = catalog;
        this.categories = categories;
        this.purchases = purchases;
        this.minBuyers = minBuyers;
        this.buyersScanned = buyersScanned;
        this.answers = cacheTtl.isZero() || cacheSize == 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheSize).build();
    }

    /** The recommendations for a product, at most {@code limit}, as computed within the last {@code cache-ttl}. */
    public List<Recommendation> of(Product product, int limit) {
        if (answers == null) {
            return recommend(product, limit);
        }
        // computed outside the cache: a computing get holds a lock over part of the cache's table for the
        // queries, so unrelated products would wait on each other; two first readers may both compute
        Key key = new Key(product.id(), limit);
        List<Recommendation> kept = answers.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        List<Recommendation> answer = recommend(product, limit);
        answers.put(key, answer);
        return answer;
    }

    private List<Recommendation> recommend(Product product, int limit) {
        Picks picks = new Picks(product.id(), limit);
        picks.add(boughtTogether(product, picks.wanted()), Reason.BOUGHT_TOGETHER);
        if (!picks.full() && product.categoryId() != null) {
            picks.add(bestRated(null, List.of(product.categoryId()), picks.wanted()), Reason.SAME_CATEGORY);
            if (!picks.full()) {
                List<String> related = relatedCategories(product.categoryId());
                if (!related.isEmpty()) {
                    picks.add(bestRated(null, related, picks.wanted()), Reason.RELATED_CATEGORY);
                }
            }
        }
        if (!picks.full() && product.brand() != null && product.brand().slug() != null) {
            picks.add(bestRated(product.brand().slug(), null, picks.wanted()), Reason.SAME_BRAND);
        }
        return picks.list();
    }

    /** In the order of shared buyers; products gone since, or off sale or out of stock, are skipped by the picks. */
    private List<Product> boughtTogether(Product product, int wanted) {
        // asked for more than wanted: some may no longer be buyable
        List<String> ids = purchases.boughtAlongside(product.id(), minBuyers, buyersScanned, wanted * 2);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Product> found = catalog.byIds(ids).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * The categories beside this one: its parent's subtree but itself (for Auriculares under Audio: Audio,
     * Altavoces and whatever is below them). None for a top-level category, whose parent's subtree would
     * be the whole shop.
     */
    private List<String> relatedCategories(String categoryId) {
        return categories.byId(categoryId)
                .map(Category::parentId)
                .flatMap(categories::byId)
                .map(parent -> categories.subtreeIds(parent).stream()
                        .filter(id -> !id.equals(categoryId)).toList())
                .orElse(List.of());
    }

    /** The best rated products in stock of a brand (by slug) or of exactly these categories; null for any. */
    private List<Product> bestRated(String brandSlug, List<String> categoryIds, int wanted) {
        ProductFilter inStock = new ProductFilter(null, brandSlug, null, null, Map.of(), true, null);
        return catalog.find(new ProductQuery(inStock, categoryIds, ProductSort.RATING, false), 0, wanted).items();
    }

    private record Key(String productId, int limit) {
    }
}
